/** Every queue the worker serves. */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  DIGESTS = 'digests',
  /** Delivers outbox events (modules/outbox): nudged after a commit, swept on a schedule. */
  OUTBOX = 'outbox',
}

/** Every job, by queue. The worker refuses to start when one has no handler. */
export const JOB_NAMES = {
  [QueueName.MAINTENANCE]: ['purge-expired-sessions'],
  [QueueName.DIGESTS]: ['plan-digests', 'send-digest', 'send-digest-preview', 'send-email-confirmation', 'send-password-reset'],
  [QueueName.OUTBOX]: ['deliver-outbox', 'purge-delivered-outbox'],
} as const satisfies Record<QueueName, readonly string[]>;

export type JobName<Q extends QueueName> = (typeof JOB_NAMES)[Q][number];

/** Per-queue worker settings where the defaults do not fit. */
export const WORKER_OPTIONS: Partial<Record<QueueName, { concurrency?: number; lockDuration?: number; stalledInterval?: number; maxStalledCount?: number }>> = {
  // Digests wait on SMTP and PostgreSQL, not CPU, and are read and recorded in batches of
  // those in flight (DigestSender): more in flight, fewer statements per digest. A killed
  // worker's digests come back within ~20 s.
  [QueueName.DIGESTS]: { concurrency: 96, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 50 },
  // Deliveries claim events with SKIP LOCKED, so two at once never share one; more would
  // only hold more connections while a burst of nudges finds nothing left to deliver.
  [QueueName.OUTBOX]: { concurrency: 2 },
};
