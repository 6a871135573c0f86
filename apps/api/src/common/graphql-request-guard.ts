import type { NextFunction, Request, RequestHandler, Response } from 'express';
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

/**
 * Answers a body over MAX_REQUEST_BYTES (or malformed JSON) with a JSON error a client can
 * show, instead of express's HTML page. Registered right after the body parsers.
 */
export function bodyErrorHandler(): (error: unknown, req: Request, res: Response, next: NextFunction) => void {
  return (error, _req, res, next) => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request is larger than ${Math.floor(MAX_REQUEST_BYTES / 1024)} KB, the most the api reads. A policy draft may have up to ${MAX_DRAFT_LENGTH.toLocaleString('en-GB')} characters.`,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: PublicErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    next(error);
  };
}

interface PersistedQueryExtension {
  persistedQuery?: { version?: unknown; sha256Hash?: unknown };
}

const refuse = (res: Response, refusal: LimitRefusal) => res.status(400).json(refusalBody(refusal));

/**
 * Runs before Apollo on /graphql, so that a refused request costs no SQL at all (not even
 * the session lookup that building Apollo's context does) and answers in a few
 * milliseconds: a batch is refused, a trusted operation's hash is replaced by its text,
 * and the operation is checked against QUERY_LIMITS. Anything malformed is left for Apollo,
 * which refuses it the usual way.
 */
export function graphqlRequestGuard(schema: () => GraphQLSchema, trusted: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'GET') return next();
    const body: unknown = req.method === 'POST' ? req.body : undefined;
    if (Array.isArray(body)) {
      return refuse(res, {
        code: PublicErrorCode.QUERY_TOO_COMPLEX,
        message: `Send at most ${QUERY_LIMITS.maxOperationsPerRequest} operation per request; this api does not take batches.`,
      });
    }
    const params = (req.method === 'POST' ? body : req.query) as Record<string, unknown> | undefined;
    if (!params || typeof params !== 'object') return next();

    const extensions = parseJsonParam<PersistedQueryExtension>(params.extensions);
    const hash = extensions?.persistedQuery?.sha256Hash;
    let query = params.query;
    if (typeof hash === 'string') {
      if (typeof query !== 'string') {
        query = trusted.find(hash);
        // The client (Apollo Client's persisted query link) then sends the text itself.
        if (query === undefined) return res.status(200).json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      }
      if (req.method === 'POST' && body && typeof body === 'object') {
        // Apollo's own persisted queries are off: it gets the text, and no hash to look up.
        const rest = { ...(extensions as Record<string, unknown>) };
        delete rest.persistedQuery;
        Object.assign(body, { query, extensions: rest });
      }
    }
    if (typeof query !== 'string') return next();

    const variables = parseJsonParam<Record<string, unknown>>(params.variables);
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    const verdict = checkOperation(schema(), { query, variables, operationName });
    if (verdict.ok === false) return refuse(res, verdict.refusal);
    // Which database may answer it (database/read-routing.ts): only a query may read from a replica.
    if (verdict.ok === true) res.locals.graphqlOperation = getOperationAST(verdict.document, operationName)?.operation;
    next();
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
