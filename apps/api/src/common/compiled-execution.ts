import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Operations kept per process (compiled, or counted until they are); the web app's trusted operations are far fewer. */
const MAX_COMPILED = 500;
/**
 * An operation is compiled the third time it is run: compiling costs more than running once,
 * so a client sending a new text each time (any text is accepted, within the limits) only
 * ever gets graphql-js and cannot make the process compile for every request.
 */
const COMPILE_AFTER = 3;

type Result = ExecutionResult<Record<string, unknown>>;

async function interpreted(request: Parameters<GatewayExecutor>[0], variables: Record<string, unknown>): Promise<Result> {
  return (await execute({ schema: request.schema, document: request.document, contextValue: request.context, variableValues: variables, operationName: request.operationName })) as Result;
}

/**
 * Runs queries compiled by graphql-jit instead of interpreted by graphql-js, through
 * Apollo Server's executor hook (its gateway interface: the one place Apollo lets the
 * executor be replaced). The schema, the resolvers and everything before execution
 * (trusted documents, limits, validation, context, error formatting) stay as they are;
 * mutations stay with graphql-js, which runs their fields one after another as the spec
 * requires.
 *
 * Why: served over HTTP side by side with the same resolvers and data (npm run
 * bench:driver, large scale data, two alternating rounds), the question list cost 3.4 ms of
 * server CPU per request this way against 4.3 with graphql-js, and the question page 5.9
 * against 6.4, with the same answers. (Executed in process, src/bench/executor-bench.ts:
 * 3.4 against 5.6 ms per list, 6.4 against 8.9 per page.)
 *
 * A query is compiled once, on its third run (keyed by Apollo's hash of its text and the
 * operation name), and the MAX_COMPILED most recently used are kept; an operation graphql-jit
 * cannot compile runs on graphql-js. graphql-jit builds its errors with a GraphQLError of its
 * own (its error.js), through which a driver's error from another realm did not reach
 * errors.ts (the outage tests answered INTERNAL_SERVER_ERROR), so they are rebuilt here as
 * graphql's GraphQLError with what was thrown kept as originalError.
 */
export function compiledExecution(schema: () => GraphQLSchema): GatewayInterface & { compiledOperations(): number } {
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  // A number: times run so far; false: graphql-jit cannot compile it, so graphql-js runs it each time.
  const compiled = new LRUCache<string, CompiledQuery | number | false>({ max: MAX_COMPILED });

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    let query: CompiledQuery | false = false;
    if (request.operation.operation === 'query') {
      const key = `${request.queryHash}:${request.operationName ?? ''}`;
      const known = compiled.get(key);
      if (typeof known === 'object' || known === false) query = known;
      else if ((known ?? 0) + 1 < COMPILE_AFTER) compiled.set(key, (known ?? 0) + 1);
      else {
        const result = compileQuery(request.schema, request.document, request.operationName ?? undefined);
        query = isCompiledQuery(result) ? result : false;
        compiled.set(key, query);
      }
    }
    if (!query) return interpreted(request, variables);
    const result = (await query.query(undefined, request.context, variables)) as Result;
    if (!result.errors?.length) return result;
    // Refused before running (variables of the wrong type): graphql-js's errors carry what Apollo reports as BAD_USER_INPUT.
    if (result.data === undefined) return interpreted(request, variables);
    return {
      ...result,
      errors: result.errors.map((error) => {
        // By shape, not instanceof Error: a socket error may come from another realm (Node's own, under Jest's VM modules), and errors.ts must still see it.
        const original = (error as { originalError?: unknown }).originalError;
        return new GraphQLError(error.message, { path: error.path, originalError: original && typeof original === 'object' ? (original as Error) : undefined, extensions: error.extensions });
      }),
    };
  };

  return {
    compiledOperations: () => [...compiled.values()].filter((entry) => typeof entry === 'object').length,
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      const apiSchema = schema();
      for (const listener of listeners) listener({ apiSchema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      compiled.clear();
    },
  };
}
