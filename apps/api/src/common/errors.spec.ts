import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { toPublicError } from './errors.js';

/** A driver error as TypeORM wraps it: a QueryFailedError carrying pg's fields and the original. */
function queryFailed(fields: Record<string, string>): Error {
  const driverError = Object.assign(new Error('from pg'), fields);
  return Object.assign(new Error('QueryFailedError'), { name: 'QueryFailedError', ...fields, driverError });
}

const publicError = (error: Error) =>
  toPublicError({ message: error.message, path: ['createThing'] }, new GraphQLError(error.message, { originalError: error }), false);

describe('toPublicError: input PostgreSQL refused', () => {
  // Each mapping is logged as a warning (and the last case as an error); not wanted in the test output.
  beforeAll(() => Logger.overrideLogger(false));
  it.each([
    [{ code: '22001' }, 'BAD_USER_INPUT', 'A value is too long.', undefined],
    [{ code: '22P02' }, 'BAD_USER_INPUT', 'A value is not in the form expected.', undefined],
    [{ code: '22021' }, 'BAD_USER_INPUT', 'Text cannot contain the NUL character (U+0000).', undefined],
    [{ code: '23505', detail: 'Key (slug)=(county-council) already exists.' }, 'BAD_USER_INPUT', 'That already exists.', 'slug'],
    [{ code: '23503', detail: 'Key (organisation_id)=(…) is not present in table "organisations".' }, 'NOT_FOUND', 'Something this refers to does not exist (any more).', 'organisationId'],
    [{ code: '23502', column: 'display_name' }, 'BAD_USER_INPUT', 'A value is not allowed here.', 'displayName'],
    [{ code: '23514', constraint: 'users_erased_hold_nothing_personal' }, 'BAD_USER_INPUT', 'A value is not allowed here.', undefined],
  ])('%j is %s: %s (field %s)', (fields, code, message, field) => {
    expect(publicError(queryFailed(fields))).toEqual({ message, path: ['createThing'], locations: undefined, extensions: { code, ...(field ? { field } : {}) } });
  });

  it('leaves any other database failure an internal error, without its message', () => {
    expect(publicError(queryFailed({ code: '42P01' }))).toMatchObject({ message: 'Something went wrong on our side. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
