import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { AppConfig } from '../config/app-config.js';
import { PublicErrorCode, toPublicError, unavailableServiceOf } from './errors.js';
import { bodyRefusal } from './graphql-request-guard.js';

/**
 * How the api answers GraphQL errors, whichever server runs the operations: every error a
 * client sees goes through toPublicError (errors.ts), and requests refused before anything
 * ran carry the codes clients of this api already know (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variables, OPERATION_RESOLUTION_FAILURE,
 * BAD_REQUEST), with status 400.
 */
export interface GraphQLErrorOptions {
  /** Stack traces and internal messages are shown in development only. */
  development: boolean;
  /** "Did you mean …?" in validation errors would map the schema for whoever guesses field names. */
  hideSchemaDetails: boolean;
}

/** The options for this configuration: the GraphQL endpoint and server-rendered pages answer alike. */
export function graphqlErrorOptions(config: Pick<AppConfig, 'environment' | 'isProduction'>): GraphQLErrorOptions {
  return { development: config.environment === 'development', hideSchemaDetails: config.isProduction };
}

interface ErrorLike {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** graphql-js's GraphQLError and graphql-jit's own (compiled operations) alike: duck-typed. */
const isGraphQLErrorLike = (error: unknown): error is ErrorLike => typeof error === 'object' && error !== null && typeof (error as ErrorLike).message === 'string';

const formatted = (error: ErrorLike): GraphQLFormattedError => ({
  message: error.message,
  ...(error.locations?.length ? { locations: error.locations } : {}),
  ...(error.path ? { path: error.path } : {}),
  ...(error.extensions && Object.keys(error.extensions).length ? { extensions: error.extensions } : {}),
});

/** The code of a request graphql-js refused before running it. */
function requestErrorCode(error: ErrorLike): string {
  const own = error.extensions?.code;
  // The api's own validation rules (query-limits.ts) name their refusal.
  if (typeof own === 'string') return own;
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return PublicErrorCode.BAD_USER_INPUT;
  if (/^(Unknown operation named|Must provide operation name|Must provide an operation)/.test(error.message)) return 'OPERATION_RESOLUTION_FAILURE';
  return 'GRAPHQL_VALIDATION_FAILED';
}

/** A request error graphql-js reported before anything ran, with its code and without schema hints where they are hidden. */
function formatRequestError(error: ErrorLike, options: GraphQLErrorOptions): GraphQLFormattedError {
  const message = options.hideSchemaDetails ? error.message.replace(/ ?Did you mean .+\?$/, '') : error.message;
  return { ...formatted(error), message, extensions: { code: requestErrorCode(error) } };
}

/** The errors of an operation that ran (resolvers threw): HTTP 200, data as far as it got. */
export function formatExecutionErrors(errors: readonly unknown[], options: GraphQLErrorOptions): GraphQLFormattedError[] {
  return errors.map((error) => {
    if (!isGraphQLErrorLike(error)) return toPublicError({ message: String(error) }, error, options.development);
    return toPublicError(formatted(error), error, options.development);
  });
}

/**
 * Mercurius's errorFormatter: the errors of an operation that ran (HTTP 200), or of one that
 * could not start (graphql-js answers without data: an unknown operation name, variables it
 * cannot use), which are the request's fault (HTTP 400).
 */
export function executionErrorFormatter(options: GraphQLErrorOptions) {
  return (execution: ExecutionResult & { errors: readonly unknown[] }) => {
    if (execution.data === undefined) {
      const errors = execution.errors.map((error) =>
        isGraphQLErrorLike(error) && !error.path ? formatRequestError(error, options) : formatExecutionErrors([error], options)[0],
      );
      return { statusCode: 400, response: { errors } };
    }
    return { statusCode: 200, response: { data: execution.data, errors: formatExecutionErrors(execution.errors, options) } };
  };
}

interface RequestError {
  code?: string;
  message?: string;
  statusCode?: number;
  errors?: unknown[];
}

/** The answer to a request that failed before its operation ran. */
export function requestErrorResponse(error: unknown, options: GraphQLErrorOptions): { status: number; body: { data?: null; errors: GraphQLFormattedError[] } } {
  const refused = bodyRefusal(error);
  if (refused) return refused;
  const { code, message = '', errors } = (error ?? {}) as RequestError;
  const badRequest = (text: string, publicCode = 'BAD_REQUEST', status = 400) => ({ status, body: { errors: [{ message: text, extensions: { code: publicCode } }] } });
  switch (code) {
    case 'MER_ERR_GQL_VALIDATION':
      if (Array.isArray(errors) && errors.length) {
        return {
          status: 400,
          body: {
            errors: errors.map((inner) => {
              if (!isGraphQLErrorLike(inner)) return { message: 'The request is not a GraphQL request.', extensions: { code: 'BAD_REQUEST' } };
              // Fastify's check of the request's shape (e.g. variables that are not an object).
              if (!('locations' in inner) && typeof (inner as { instancePath?: unknown }).instancePath === 'string') {
                return { message: `The request is not a GraphQL request: ${inner.message}.`, extensions: { code: 'BAD_REQUEST' } };
              }
              return formatRequestError(inner, options);
            }),
          },
        };
      }
      // Variables or extensions of a GET request that are not JSON.
      return badRequest(`The request's variables or extensions are not valid JSON: ${message}`, PublicErrorCode.BAD_USER_INPUT);
    case 'MER_ERR_METHOD_NOT_ALLOWED':
      return badRequest('Can only perform a mutation operation from a POST request.', 'BAD_REQUEST', 405);
    case 'MER_ERR_GQL_CSRF_PREVENTION':
      return badRequest(message);
    case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND':
      return badRequest('GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.');
    default: {
      const [answer] = formatExecutionErrors([error], options);
      return { status: unavailableServiceOf(error) || answer.extensions?.code === PublicErrorCode.SERVICE_UNAVAILABLE ? 503 : 500, body: { data: null, errors: [answer] } };
    }
  }
}

/** Mercurius's errorHandler: requests refused before their operation ran, or whose context failed. */
export function requestErrorHandler(options: GraphQLErrorOptions) {
  return (error: unknown, _request: FastifyRequest, reply: FastifyReply): void => {
    const { status, body } = requestErrorResponse(error, options);
    void reply.code(status).send(body);
  };
}
