import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  buildSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { PublicErrorCode } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';
import { BOUNDED_LISTS, QUERY_LIMITS, checkOperation } from './query-limits.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema: GraphQLSchema = buildSchema(readFileSync(resolve(here, '..', '..', 'schema.graphql'), 'utf8'));
// The web app's operations, fragments included, as its codegen writes them (src/generated.spec.ts there keeps it current).
const webOperations = JSON.parse(readFileSync(resolve(here, '..', '..', '..', 'web', 'src', 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>;

/** A value for a variable that passes coercion; every Int is 100, the largest page, so each `first` is at its worst. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, placeholder(field.type)]),
    );
  }
  switch (type.name) {
    case 'Int':
      return MAX_PAGE_SIZE;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2025-01-01T00:00:00Z';
    default:
      return 'x';
  }
}

function worstCaseVariables(query: string): Record<string, unknown> {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return Object.fromEntries(
    (operation?.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, placeholder(typeFromAST(schema, definition.type as never) as GraphQLInputType)]),
  );
}

describe('query limits', () => {
  it('every list field takes `first` (default at most 100) or is bounded by something else, named in BOUNDED_LISTS', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const first = field.args.find((arg) => arg.name === 'first');
        if (first) {
          expect({ field: `${type.name}.${field.name}`, default: first.defaultValue }).toEqual({
            field: `${type.name}.${field.name}`,
            default: expect.any(Number) as number,
          });
          expect(first.defaultValue as number).toBeLessThanOrEqual(MAX_PAGE_SIZE);
        } else if (!BOUNDED_LISTS[`${type.name}.${field.name}`]) {
          unbounded.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('admits every operation of the web app, with every page size at 100', () => {
    const refused: { operation: string; refusal: unknown }[] = [];
    let costliest = { operation: '', cost: 0 };
    for (const query of Object.values(webOperations)) {
      const name = /\b(?:query|mutation) (\w+)/.exec(query)?.[1] ?? query.slice(0, 40);
      const verdict = checkOperation(schema, { query, variables: worstCaseVariables(query) });
      if (verdict.ok === true) {
        if (process.env.SHOW_COSTS) console.log(name, verdict.cost);
        if (verdict.cost > costliest.cost) costliest = { operation: name, cost: verdict.cost };
      } else {
        refused.push({ operation: name, refusal: verdict.ok === false ? verdict.refusal : 'variables did not fit' });
      }
    }
    expect(refused).toEqual([]);
    expect(Object.keys(webOperations).length).toBeGreaterThan(20);
    // Headroom: the limit is not so tight that a small addition to a page breaks it.
    expect(costliest.cost).toBeLessThanOrEqual(QUERY_LIMITS.maxCost / 2);
  });

  it('multiplies the cost of what a list selects by its `first`', () => {
    const cost = (query: string) => {
      const verdict = checkOperation(schema, { query });
      if (verdict.ok === 'unchecked') throw new Error('unchecked');
      return verdict.ok ? verdict.cost : verdict.refusal;
    };
    expect(cost('{ questions(first: 10) { edges { node { id } } } }')).toBe(10 * (1 + 1 + 1));
    expect(cost('{ questions(first: 20) { edges { node { id } } } }')).toBe(20 * (1 + 1 + 1));
    const nested = cost('{ questions(first: 100) { edges { node { answers(first: 100) { comments(first: 100) { id } } } } } }');
    expect(nested).toEqual({ code: PublicErrorCode.QUERY_TOO_COMPLEX, message: expect.stringMatching(/limit is/) as string });
  });

  it("parses and checks a text once, then costs it with each request's own variables", () => {
    const query = 'query($n: Int) { questions(first: $n) { edges { node { id } } } }';
    const at = (n: number) => checkOperation(schema, { query, variables: { n } });
    const [first, second] = [at(10), at(20)];
    if (first.ok !== true || second.ok !== true) throw new Error('refused');
    expect(second.document).toBe(first.document);
    expect([first.cost, second.cost]).toEqual([30, 60]);
    expect(at(101)).toMatchObject({ ok: false, refusal: { field: 'first' } });
    // Another schema (another api in the same process, as in tests) is checked against its own.
    const other = buildSchema('type Query { questions(first: Int): Int }');
    expect(checkOperation(other, { query: '{ questions(first: 1) }' })).toMatchObject({ ok: true });
    expect(checkOperation(schema, { query: '{ questions(first: 1) }' })).toMatchObject({ ok: true, cost: 1 });
  });

  it('refuses `first` above 100 anywhere, nested ones included, with BAD_USER_INPUT', () => {
    const verdict = checkOperation(schema, { query: 'query($n: Int) { question(id: "x") { answers(first: $n) { id } } }', variables: { n: 101 } });
    expect(verdict).toEqual({ ok: false, refusal: { code: PublicErrorCode.BAD_USER_INPUT, field: 'first', message: expect.stringContaining('between 1 and 100') as string } });
  });

  it('refuses too many aliases, tokens, directives and levels with QUERY_TOO_COMPLEX', () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `q${i}: questions(first: 1) { totalCount }`).join(' ')} }`;
    const issueAttack = `{ ${Array.from({ length: 300 }, (_, i) => `q${i}: questions(first: 50) { totalCount }`).join(' ')} }`;
    const tokens = `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`;
    const directives = `{ questions(first: 1) { totalCount ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} } }`;
    let deep = 'id';
    for (let i = 0; i < 7; i += 1) deep = `answers(first: 1) { question { ${deep} } }`;
    for (const [query, message] of [
      [aliases, /renames fields 16 times; the limit is 15/],
      [issueAttack, /longer than 1000 tokens/],
      [tokens, /longer than 1000 tokens/],
      [directives, /21 directives; the limit is 20/],
      [`{ question(id: "x") { ${deep} } }`, /nested 16 levels deep; the limit is 12/],
    ] as const) {
      const verdict = checkOperation(schema, { query });
      expect(verdict).toEqual({ ok: false, refusal: { code: PublicErrorCode.QUERY_TOO_COMPLEX, message: expect.stringMatching(message) as string } });
    }
  });
});
