import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Compiled operations kept per process; the web app's trusted operations are far fewer. */
const MAX_COMPILED = 500;

type Result = ExecutionResult<Record<string, unknown>>;

/**
 * Runs queries compiled by graphql-jit instead of interpreted by graphql-js, through
 * Apollo Server's executor hook (its gateway interface: the one place Apollo lets the
 * executor be replaced). The schema, the resolvers and everything before execution
 * (trusted documents, limits, validation, context, error formatting) stay as they are;
 * mutations stay with graphql-js, which runs their fields one after another as the spec
 * requires.
 *
 * Why: on the same schema, resolvers and data, graphql-jit spent 3.4 ms of CPU per question
 * list where graphql-js spent 5.6, and 6.4 ms per question page where graphql-js spent 8.9,
 * with identical results (src/bench/executor-bench.ts, large scale data).
 *
 * A query is compiled once (keyed by Apollo's hash of its text and the operation name);
 * past MAX_COMPILED distinct ones, or for one graphql-jit cannot compile, graphql-js runs
 * it, so no client can make the process compile without bound. graphql-jit builds its
 * errors on graphql's CommonJS build; they are rebuilt here as the GraphQLError this
 * module sees, with the thrown exception kept as originalError for errors.ts.
 */
export function compiledExecution(schema: () => GraphQLSchema): GatewayInterface {
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  const compiled = new Map<string, CompiledQuery | null>();

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    let query: CompiledQuery | null | undefined = null;
    if (request.operation.operation === 'query') {
      const key = `${request.queryHash}:${request.operationName ?? ''}`;
      query = compiled.get(key);
      if (query === undefined && compiled.size < MAX_COMPILED) {
        const result = compileQuery(request.schema, request.document, request.operationName ?? undefined);
        query = isCompiledQuery(result) ? result : null;
        compiled.set(key, query);
      }
    }
    const interpreted = async () =>
      (await execute({ schema: request.schema, document: request.document, contextValue: request.context, variableValues: variables, operationName: request.operationName })) as Result;
    if (!query) return interpreted();
    const result = (await query.query(undefined, request.context, variables)) as Result;
    if (!result.errors?.length) return result;
    // Refused before running (variables of the wrong type): graphql-js's errors carry what Apollo reports as BAD_USER_INPUT.
    if (result.data === undefined) return interpreted();
    return {
      ...result,
      errors: result.errors.map((error) => {
        const original = (error as { originalError?: unknown }).originalError;
        return new GraphQLError(error.message, { path: error.path, originalError: original instanceof Error ? original : undefined, extensions: error.extensions });
      }),
    };
  };

  return {
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
