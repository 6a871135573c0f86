import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
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

const logger = new Logger('GraphQL');

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
 * Apollo's formatError hook: domain exceptions keep their message and get their public
 * code; anything unexpected is logged and reported without internals. Stack traces are
 * only ever shown in development.
 */
export function toPublicError(formatted: GraphQLFormattedError, error: unknown, development: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
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
  // Validation rules (e.g. the depth limit) carry their own public code under Apollo's wrapper.
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
