import { Field, Int, ObjectType } from '@nestjs/graphql';
import { InputValidationException } from './errors.js';
import { isUuid } from './ids.js';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputValidationException('first', `first must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

/**
 * The `first` argument of a list field: left out or null, its default; otherwise 1 to
 * MAX_PAGE_SIZE, or BAD_USER_INPUT. (graphql-request-guard.ts refuses an out-of-range
 * `first` before anything runs; this keeps the rule true for any caller.)
 */
export function pageSize(first: number | null | undefined, fallback: number): number {
  return checkPageSize(first ?? fallback);
}

/** Options for a list field's `first` argument. */
export function firstArg(defaultValue: number, description?: string) {
  return { type: () => Int, nullable: true, defaultValue, description: description ?? `How many, at most ${MAX_PAGE_SIZE}.` };
}

/**
 * Most items a per-parent list loader reads for one parent. Every loader reads up to this
 * many per parent whatever `first` asks, so one statement serves every page size, and the
 * resolver slices to `first`.
 */
export const PER_PARENT_LIMIT = MAX_PAGE_SIZE;

/** Cursors are opaque to clients: a keyset position, base64url-encoded JSON. */
export function encodeCursor(position: (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * What one position in a cursor must be. `timestamp` is an instant as toISOString writes it
 * and `uuid` a row id, so a cursor that decodes can always be compared in SQL; a `number`
 * is a non-negative whole number (an offset or a count).
 */
export type CursorPart = 'string' | 'number' | 'timestamp' | 'uuid';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isCursorPart(value: unknown, part: CursorPart): boolean {
  switch (part) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'timestamp':
      // Round-trips exactly: Date.parse alone accepts "hello 1" and 30 February, which PostgreSQL refuses (as it does year 0).
      return typeof value === 'string' && ISO_INSTANT.test(value) && !value.startsWith('0000') && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
  }
}

/** A cursor's positions, checked against the shape; anything else is BAD_USER_INPUT naming `after`. */
export function decodeCursor(cursor: string, shape: CursorPart[]): (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((v, i) => isCursorPart(v, shape[i]))) {
      return value as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new InputValidationException('after', 'That page cursor is not valid; start again from the first page.');
}
