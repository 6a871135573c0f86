import { Field, ObjectType } from '@nestjs/graphql';
import { InputValidationException } from './errors.js';

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

/** Cursors are opaque to clients: a keyset position, base64url-encoded JSON. */
export function encodeCursor(position: (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((v, i) => typeof v === shape[i])) {
      return value as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new InputValidationException('after', 'That page cursor is not valid; start again from the first page.');
}
