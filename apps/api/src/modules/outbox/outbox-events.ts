import type { EntityManager } from 'typeorm';

/**
 * Every kind of outbox event and what its payload holds: ids only, never a copy of what
 * they name (the handler reloads it, so it sees the committed state and an erased person
 * leaves nothing behind here). Adding a kind here fails to compile until the one list of
 * handlers (`src/outbox-delivery.module.ts`) has a handler for it, and the api and the
 * worker refuse to start if one is missing at run time all the same.
 */
export interface OutboxEventPayloads {
  /** A policy version was published: authors whose cited sections it changed or removed are told. */
  'policy-version-published': { versionId: string };
}

export type OutboxEventKind = keyof OutboxEventPayloads;

/** One event: a kind and its payload, checked against each other. */
export type OutboxEvent = { [K in OutboxEventKind]: { kind: K; payload: OutboxEventPayloads[K] } }[OutboxEventKind];

// A record, so leaving out a kind (or listing one that does not exist) does not compile.
const KINDS: Record<OutboxEventKind, true> = { 'policy-version-published': true };

/** The kinds at run time, for the start-up check. */
export const OUTBOX_EVENT_KINDS = Object.keys(KINDS) as OutboxEventKind[];

/**
 * Handles one kind of event inside the transaction that marks it delivered: its writes
 * commit with the delivery or not at all. It must be safe to run twice (key what it
 * writes), because a handler with effects outside PostgreSQL cannot be covered by that
 * transaction, and an operator may replay an event.
 */
export interface OutboxHandler<K extends OutboxEventKind = OutboxEventKind> {
  handle(tx: EntityManager, payload: OutboxEventPayloads[K]): Promise<void>;
}

export type OutboxHandlers = { [K in OutboxEventKind]: OutboxHandler<K> };

/**
 * Writes an event in the transaction of the change that causes it. Nothing is delivered
 * here: the worker does that, from committed rows only, so an event for a change that
 * rolled back cannot exist and one whose process died after the commit is not lost.
 * (For code outside Nest, e.g. the corpus import; services use `OutboxService.add`.)
 */
export async function addOutboxEvent(tx: EntityManager, event: OutboxEvent): Promise<void> {
  await tx.query('INSERT INTO outbox_events (kind, payload) VALUES ($1, $2::jsonb)', [event.kind, JSON.stringify(event.payload)]);
}

/** The provider of the handler list (see `src/outbox-delivery.module.ts`). */
export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');

/** Throws, naming them, when any kind has no handler: an event must never sit undeliverable. */
export function checkOutboxHandlers(handlers: Readonly<Record<string, { handle?: unknown } | undefined>>): void {
  const missing = OUTBOX_EVENT_KINDS.filter((kind) => typeof handlers[kind]?.handle !== 'function');
  if (missing.length) throw new Error(`No handler for outbox event kind(s): ${missing.join(', ')}`);
}
