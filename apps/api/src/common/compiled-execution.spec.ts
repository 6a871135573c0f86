import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { execute, getOperationAST, GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { compiledExecution } from './compiled-execution.js';
import { toPublicError } from './errors.js';

class Refused extends Error {}

const order: string[] = [];
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: { id: { type: new GraphQLNonNull(GraphQLString) }, doubled: { type: GraphQLInt, resolve: (item: { n: number }) => item.n * 2 } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, args: { first: number }, context: { prefix: string }) => Array.from({ length: args.first }, (_, n) => ({ id: `${context.prefix}${n}`, n })),
      },
      socket: {
        type: GraphQLString,
        resolve: () => {
          // As a driver's socket error can be: an Error of another realm, not instanceof this one's.
          throw runInNewContext(`Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })`) as unknown;
        },
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new Refused('not yours');
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: Object.fromEntries(
      ['first', 'second'].map((name) => [
        name,
        {
          type: GraphQLString,
          resolve: async () => {
            order.push(`${name} started`);
            await pause();
            order.push(`${name} ended`);
            return name;
          },
        },
      ]),
    ),
  }),
});

async function executorOf(gateway: ReturnType<typeof compiledExecution>) {
  const { executor } = (await gateway.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined, graphId: undefined, graphVariant: 'current' } } as never)) as { executor: NonNullable<Awaited<ReturnType<typeof gateway.load>>['executor']> };
  return (text: string, variables: Record<string, unknown> = {}, context: Record<string, unknown> = { prefix: 'q' }) => {
    const document = parse(text);
    return executor({
      request: { query: text, variables },
      document,
      operation: getOperationAST(document)!,
      operationName: getOperationAST(document)?.name?.value ?? null,
      queryHash: createHash('sha256').update(text).digest('hex'),
      schema,
      context,
    } as never);
  };
}

describe('compiledExecution (queries run by graphql-jit through Apollo executor hook)', () => {
  const list = 'query List($first: Int!) { items(first: $first) { id doubled } }';

  it('answers a query exactly as graphql-js does, compiling it on its third run', async () => {
    const gateway = compiledExecution(() => schema);
    const run = await executorOf(gateway);
    const expected = await execute({ schema, document: parse(list), variableValues: { first: 3 }, contextValue: { prefix: 'q' } });
    for (let i = 1; i <= 4; i += 1) {
      expect(await run(list, { first: 3 })).toEqual(expected);
      expect(gateway.compiledOperations()).toBe(i >= 3 ? 1 : 0);
    }
    // The compiled query still reads each request's own variables and context.
    expect(await run(list, { first: 1 }, { prefix: 'other' })).toEqual({ data: { items: [{ id: 'other0', doubled: 0 }] } });
  });

  it('never compiles a text it has seen only once, however many different ones arrive', async () => {
    const gateway = compiledExecution(() => schema);
    const run = await executorOf(gateway);
    for (let i = 0; i < 50; i += 1) expect(await run(`query Once${i} { items(first: 1) { id } }`)).toEqual({ data: { items: [{ id: 'q0' }] } });
    expect(gateway.compiledOperations()).toBe(0);
  });

  it('runs a mutation on graphql-js, its fields one after another as the spec requires', async () => {
    const gateway = compiledExecution(() => schema);
    const run = await executorOf(gateway);
    order.length = 0;
    for (let i = 0; i < 3; i += 1) expect(await run('mutation Both { first second }')).toEqual({ data: { first: 'first', second: 'second' } });
    expect(order.slice(0, 4)).toEqual(['first started', 'first ended', 'second started', 'second ended']);
    expect(gateway.compiledOperations()).toBe(0);
  });

  it("keeps what a resolver threw as the error's originalError, as a GraphQLError of this process's graphql", async () => {
    const run = await executorOf(compiledExecution(() => schema));
    for (let i = 0; i < 3; i += 1) {
      const result = await run('query Refused { refused }');
      expect(result.data).toEqual({ refused: null });
      const [error] = result.errors ?? [];
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.message).toBe('not yours');
      expect(error.path).toEqual(['refused']);
      expect(error.originalError).toBeInstanceOf(Refused);
    }
  });

  it('keeps an error thrown from another realm, so a database outage still answers SERVICE_UNAVAILABLE', async () => {
    const run = await executorOf(compiledExecution(() => schema));
    for (let i = 0; i < 3; i += 1) {
      const [error] = (await run('query Socket { socket }')).errors ?? [];
      expect(toPublicError(error.toJSON(), error, false).extensions?.code).toBe('SERVICE_UNAVAILABLE');
    }
  });

  it('reports variables of the wrong type as graphql-js does, once compiled too', async () => {
    const run = await executorOf(compiledExecution(() => schema));
    const expected = await execute({ schema, document: parse(list), variableValues: { first: 'many' }, contextValue: { prefix: 'q' } });
    expect(expected.errors?.[0].message).toMatch(/Int cannot represent/);
    for (let i = 0; i < 3; i += 1) await run(list, { first: 2 });
    expect(JSON.parse(JSON.stringify(await run(list, { first: 'many' })))).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
