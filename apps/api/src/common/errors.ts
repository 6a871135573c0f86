import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HttpException, Logger } from '@nestjs/common';

/** The public error codes of the API (see docs/api-contract.graphql). */
export enum PublicErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A refusal that a person can act on. Each domain subclasses it with its own code enum
 * and the public code each maps to; `toPublicError` is the one place they become GraphQL
 * errors.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  abstract readonly publicCode: PublicErrorCode;

  constructor(
    readonly code: Code,
    message: string,
    readonly details: { field?: string; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that failed validation before any rule ran. */
export class InputValidationException extends DomainException<'INVALID_INPUT'> {
  readonly publicCode = PublicErrorCode.BAD_USER_INPUT;

  constructor(field: string | undefined, message: string) {
    super('INVALID_INPUT', message, { field });
  }
}

export class AuthenticationRequiredException extends DomainException<'SIGN_IN_REQUIRED'> {
  readonly publicCode = PublicErrorCode.UNAUTHENTICATED;

  constructor(message = 'You need to sign in to do that.') {
    super('SIGN_IN_REQUIRED', message);
  }
}

/** A service the api depends on (PostgreSQL, Redis) does not answer; the request may work in a minute. */
export type UnavailableService = 'database' | 'redis';

export class ServiceUnavailableException extends DomainException<'DATABASE_UNAVAILABLE' | 'REDIS_UNAVAILABLE'> {
  readonly publicCode = PublicErrorCode.SERVICE_UNAVAILABLE;

  constructor(
    readonly service: UnavailableService,
    message = service === 'database'
      ? 'Policy Commons cannot reach its database right now. Try again in a minute.'
      : 'Part of Policy Commons is unavailable right now. Try again in a minute.',
  ) {
    super(service === 'database' ? 'DATABASE_UNAVAILABLE' : 'REDIS_UNAVAILABLE', message);
  }
}

// Socket-level failures: the server is not there (refused, reset, unreachable, unresolved).
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// SQLSTATEs that mean "the server cannot serve you now", not "your statement is wrong":
// class 08 (connection exception), 53300 too many connections, 57P01–57P03 shutdown/start-up.
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P0[123])$/;
// node-postgres reports lost and timed-out connections by message only.
const PG_CONNECTION_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|Client was closed)/;
// ioredis and BullMQ: a command given up on while Redis is away.
const REDIS_MESSAGES = /^(Reached the max retries per request limit|Command timed out|Stream isn't writeable and enableOfflineQueue|Connection is closed)/;

/**
 * Which service an error says is unavailable, if any: the driver errors a request meets
 * while PostgreSQL or Redis is down or not answering, wherever they are wrapped (TypeORM's
 * `driverError`, GraphQL's `originalError`, graphql-js's `thrownValue`, `cause`, Node's
 * AggregateError for a host with several addresses). Anything else is a real fault and
 * stays an internal error. Duck-typed rather than `instanceof Error`: socket errors can
 * come from another realm (Node's own, under Jest's VM modules).
 */
export function unavailableServiceOf(error: unknown, depth = 0): UnavailableService | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  if (error instanceof ServiceUnavailableException) return error.service;
  const { name, message, code, driverError, originalError, thrownValue, cause, errors } = error as Record<string, unknown>;
  const text = typeof message === 'string' ? message : '';
  if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.test(text)) return 'redis';
  if (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return 'database';
  if (PG_CONNECTION_MESSAGES.test(text)) return 'database';
  for (const inner of [driverError, originalError, thrownValue, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])]) {
    const service = unavailableServiceOf(inner, depth + 1);
    if (service) return service;
  }
  return null;
}

/** Rethrows a service failure as SERVICE_UNAVAILABLE, for code outside a resolver (the request context). */
export function rethrowUnavailable(error: unknown): never {
  const service = unavailableServiceOf(error);
  throw service ? new ServiceUnavailableException(service) : error;
}

const outageLogger = new Logger('Outage');
const lastOutageLog = new Map<UnavailableService, number>();

/** One line per service every 10 s while it is down, instead of a stack trace per request. */
function logOutage(service: UnavailableService, error: unknown): void {
  const now = Date.now();
  if (now - (lastOutageLog.get(service) ?? 0) < 10_000) return;
  lastOutageLog.set(service, now);
  outageLogger.warn(`${service === 'database' ? 'PostgreSQL' : 'Redis'} unavailable, answering SERVICE_UNAVAILABLE: ${error instanceof Error ? error.message : String(error)}`);
}

const logger = new Logger('GraphQL');

/** What PostgreSQL said when it refused a value or a row: its SQLSTATE and, when it says, the column. */
interface DatabaseRefusal {
  sqlState: string;
  column?: string;
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * A refusal by PostgreSQL of the input itself, wherever the driver error is wrapped:
 * SQLSTATE class 22 (data exception: text too long, not a uuid, a number out of range, a
 * NUL) or class 23 (integrity: unique key, foreign key, check, not null). Validation in the
 * DTOs and services should stop these first; this is the net under them (a missing rule, a
 * race on a unique key), so the client hears its input was refused rather than an internal
 * error. The statement failed, so its transaction wrote nothing.
 */
export function databaseRefusalOf(error: unknown, depth = 0): DatabaseRefusal | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const { code, column, detail, driverError, originalError, cause } = error as Record<string, unknown>;
  if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) {
    // Unique and foreign-key violations name their columns only in the detail: "Key (slug)=(…) already exists."
    const keyColumn = typeof detail === 'string' ? /^Key \(([a-z_]+)\)=/.exec(detail)?.[1] : undefined;
    const named = typeof column === 'string' ? column : keyColumn;
    return { sqlState: code, ...(named ? { column: camelCase(named) } : {}) };
  }
  for (const inner of [driverError, originalError, cause]) {
    const refusal = databaseRefusalOf(inner, depth + 1);
    if (refusal) return refusal;
  }
  return null;
}

function refusalMessage(sqlState: string): { code: PublicErrorCode; message: string } {
  const input = PublicErrorCode.BAD_USER_INPUT;
  switch (sqlState) {
    case '22001':
      return { code: input, message: 'A value is too long.' };
    case '22021':
    case '22P05':
      return { code: input, message: 'Text cannot contain the NUL character (U+0000).' };
    case '22003':
      return { code: input, message: 'A number is out of range.' };
    case '22007':
    case '22008':
      return { code: input, message: 'A date or time is not valid.' };
    case '23505':
      return { code: input, message: 'That already exists.' };
    case '23503':
      return { code: PublicErrorCode.NOT_FOUND, message: 'Something this refers to does not exist (any more).' };
    default:
      return sqlState.startsWith('22') ? { code: input, message: 'A value is not in the form expected.' } : { code: input, message: 'A value is not allowed here.' };
  }
}

const PASSTHROUGH_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(PublicErrorCode),
]);

/**
 * Every GraphQL error a client sees (common/graphql-errors.ts): domain exceptions keep their message and get their public
 * code; anything unexpected is logged and reported without internals. Stack traces are
 * only ever shown in development.
 */
export function toPublicError(formatted: GraphQLFormattedError, error: unknown, development: boolean): GraphQLFormattedError {
  // What a resolver threw, under the GraphQL error that carries its path: graphql-js's, or
  // graphql-jit's own class for compiled operations (so by shape, not instanceof).
  const wrapper = error as { path?: unknown; originalError?: unknown } | null;
  const original = wrapper?.path && wrapper.originalError ? wrapper.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainException) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.publicCode,
        ...(original.details.field ? { field: original.details.field } : {}),
        ...(original.details.retryAfter !== undefined ? { retryAfter: original.details.retryAfter } : {}),
      },
    };
  }
  // A driver error from a service that is down: the client may retry, and never sees the driver's message.
  const unavailable = unavailableServiceOf(original) ?? unavailableServiceOf(error);
  if (unavailable) {
    logOutage(unavailable, original);
    return { ...base, message: new ServiceUnavailableException(unavailable).message, extensions: { code: PublicErrorCode.SERVICE_UNAVAILABLE } };
  }
  const refusal = databaseRefusalOf(original);
  if (refusal) {
    const { code, message } = refusalMessage(refusal.sqlState);
    // Worth a rule of its own where it happened: logged, so the net is not what catches it for ever.
    logger.warn(`PostgreSQL refused the input (${refusal.sqlState}), answering ${code}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return { ...base, message, extensions: { code, ...(refusal.column ? { field: refusal.column } : {}) } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code =
      status === 401
        ? PublicErrorCode.UNAUTHENTICATED
        : status === 403
          ? PublicErrorCode.FORBIDDEN
          : status === 404
            ? PublicErrorCode.NOT_FOUND
            : status === 429
              ? PublicErrorCode.RATE_LIMITED
              : status < 500
                ? PublicErrorCode.BAD_USER_INPUT
                : PublicErrorCode.INTERNAL_SERVER_ERROR;
    return { ...base, message: original.message, extensions: { code } };
  }
  // Validation rules (e.g. the depth limit) carry their own public code under a GraphQL error.
  const cause = (error as { originalError?: unknown } | undefined)?.originalError;
  if (cause instanceof GraphQLError && typeof cause.extensions.code === 'string' && cause.extensions.code in PublicErrorCode) {
    return { ...base, message: cause.message, extensions: { code: cause.extensions.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) {
    // Variable coercion failures are the client's input, reported as such.
    const publicCode = code === 'BAD_REQUEST' ? PublicErrorCode.BAD_USER_INPUT : code;
    return {
      ...base,
      extensions: {
        ...Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => development || key !== 'stacktrace')),
        code: publicCode,
      },
    };
  }
  if (original instanceof GraphQLError && !original.originalError) {
    // Schema-level errors raised by graphql-js itself (e.g. a bad enum value in a variable).
    return { ...base, extensions: { code: PublicErrorCode.BAD_USER_INPUT } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    ...base,
    message: development && original instanceof Error ? original.message : 'Something went wrong on our side. Please try again.',
    extensions: {
      code: PublicErrorCode.INTERNAL_SERVER_ERROR,
      ...(development && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
    },
  };
}
