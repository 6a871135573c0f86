import type { FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import { MAX_DRAFT_LENGTH } from '../modules/policies/dto/policy.input.js';
import { PublicErrorCode } from './errors.js';
import { QUERY_LIMITS, checkOperation, refusalBody, type LimitRefusal } from './query-limits.js';
import type { TrustedDocuments } from './trusted-documents.js';

/**
 * The largest request body the api reads. The largest valid input is a policy draft of
 * MAX_DRAFT_LENGTH characters; JSON may spend up to 6 bytes on one character (\u0001),
 * plus room for the operation and the other fields.
 */
export const MAX_REQUEST_BYTES = MAX_DRAFT_LENGTH * 6 + 64 * 1024;

/** A request error a client can act on, answered as a GraphQL error body. */
export interface RequestRefusal {
  status: number;
  body: { errors: { message: string; extensions: { code: string } }[] };
}

/**
 * Fastify's refusals of a request body (over MAX_REQUEST_BYTES, not JSON, not a type the
 * api reads) as GraphQL errors a client can show, instead of Fastify's own error shape.
 */
export function bodyRefusal(error: unknown): RequestRefusal | null {
  const refusal = (status: number, code: string, message: string): RequestRefusal => ({ status, body: { errors: [{ message, extensions: { code } }] } });
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return refusal(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request is larger than ${Math.floor(MAX_REQUEST_BYTES / 1024)} KB, the most the api reads. A policy draft may have up to ${MAX_DRAFT_LENGTH.toLocaleString('en-GB')} characters.`,
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return refusal(400, PublicErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return refusal(415, 'BAD_REQUEST', 'Send GraphQL requests as application/json.');
    default:
      return null;
  }
}

interface PersistedQueryExtension {
  persistedQuery?: { version?: unknown; sha256Hash?: unknown };
}

const refuse = (reply: FastifyReply, refusal: LimitRefusal) => reply.code(400).send(refusalBody(refusal));

/** The kind of operation (query, mutation) each checked request carries, for database/read-routing.ts. */
const operations = new WeakMap<FastifyRequest, string>();

export function operationTypeOf(request: FastifyRequest): string | undefined {
  return operations.get(request);
}

/**
 * The first preHandler of the /graphql routes (app.module.ts), so that a refused request
 * costs no SQL at all (not even the session lookup that comes next) and answers in a few
 * milliseconds: a batch is refused, a trusted operation's hash is replaced by its text,
 * and the operation is checked against QUERY_LIMITS. Anything malformed is left for the
 * GraphQL server, which refuses it the usual way.
 */
export function graphqlRequestGuard(schema: () => GraphQLSchema, trusted: TrustedDocuments): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  // Async, so that returning the reply after sending a refusal ends the request (Fastify's hook contract).
  return async (request, reply) => {
    if (request.method !== 'POST' && request.method !== 'GET') return;
    const body: unknown = request.method === 'POST' ? request.body : undefined;
    if (Array.isArray(body)) {
      return refuse(reply, {
        code: PublicErrorCode.QUERY_TOO_COMPLEX,
        message: `Send at most ${QUERY_LIMITS.maxOperationsPerRequest} operation per request; this api does not take batches.`,
      });
    }
    const params = (request.method === 'POST' ? body : request.query) as Record<string, unknown> | undefined;
    if (!params || typeof params !== 'object') return;

    const extensions = parseJsonParam<PersistedQueryExtension>(params.extensions);
    const hash = extensions?.persistedQuery?.sha256Hash;
    let query = params.query;
    if (typeof hash === 'string') {
      if (typeof query !== 'string') {
        query = trusted.find(hash);
        // The client (Apollo Client's persisted query link) then sends the text itself.
        if (query === undefined) return reply.code(200).send({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      }
      // The GraphQL server gets the text, and no hash to look up.
      const rest = { ...(extensions as Record<string, unknown>) };
      delete rest.persistedQuery;
      Object.assign(params, { query, extensions: request.method === 'POST' ? rest : JSON.stringify(rest) });
    }
    if (typeof query !== 'string') return;

    const variables = parseJsonParam<Record<string, unknown>>(params.variables);
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    const verdict = checkOperation(schema(), { query, variables, operationName });
    if (verdict.ok === false) return refuse(reply, verdict.refusal);
    // Which database may answer it (database/read-routing.ts): only a query may read from a replica.
    if (verdict.ok === true) {
      const operation = getOperationAST(verdict.document, operationName)?.operation;
      if (operation) operations.set(request, operation);
    }
    return undefined;
  };
}

/** GET requests carry variables and extensions as JSON text; POST bodies as objects. */
function parseJsonParam<T>(value: unknown): T | undefined {
  if (value && typeof value === 'object') return value as T;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
}
