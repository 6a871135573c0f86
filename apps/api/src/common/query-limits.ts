import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { PublicErrorCode } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';

/**
 * What one GraphQL request may ask for. Every limit is checked on the parsed document
 * before anything runs (no resolver, no SQL), and each was chosen with the web app's own
 * operations in mind: test/web-operations-limits.spec.ts checks every one of them
 * against these numbers, so a limit never breaks the app.
 */
export const QUERY_LIMITS = {
  /** Nesting of fields (question → answers → comments → author is 4). */
  maxDepth: 12,
  /** Renamed fields per operation: 300 aliases of one field would run it 300 times. */
  maxAliases: 15,
  maxDirectives: 20,
  /** Lexical tokens in the document (the web app's largest operation has about 200); parsing stops at this many. */
  maxTokens: 1000,
  /** See `listCostEstimator`: roughly the objects a response may hold. */
  maxCost: 25_000,
  /**
   * Operations per HTTP request. Batching (an array body) is off and stays off:
   * the web app sends one operation per request, so a batch is refused outright.
   */
  maxOperationsPerRequest: 1,
} as const;

/**
 * Lists without a `first` argument, and the most items each can hold. Each is bounded by
 * something other than a page size: a validated input, a parent's page, or a number only
 * few people can raise. src/common/query-limits.spec.ts fails when a list field has neither a
 * `first` argument nor an entry here, so a new unbounded list cannot slip in.
 */
export const BOUNDED_LISTS: Record<string, { size: number; why: string }> = {
  'Question.tags': { size: 5, why: 'a question has 1 to 5 tags' },
  'PostRevision.tags': { size: 5, why: 'a question has 1 to 5 tags' },
  'QuestionConnection.edges': { size: 1, why: "counted by the connection's first" },
  'SearchConnection.edges': { size: 1, why: "counted by the connection's first" },
  'SearchResultConnection.edges': { size: 1, why: "counted by the connection's first" },
  'ModerationLogConnection.entries': { size: 1, why: "counted by moderationLog's first" },
  'PolicyVersion.sections': { size: 100, why: 'the headings of one version, bounded by the 200,000-character draft' },
  'PolicyVersion.contributors': { size: 100, why: 'publishPolicyVersion takes at most 100 contributors' },
  'PolicyDiff.sections': { size: 100, why: 'the sections of two versions' },
  'SectionChange.words': { size: 20, why: 'runs of words in one section; plain objects, no further reads' },
  'SectionChange.titleWords': { size: 5, why: 'runs of words in one heading' },
  'User.affiliations': { size: 20, why: 'setAffiliations takes at most 20' },
  'User.organisationRoles': { size: 10, why: 'granted by organisation admins, one per organisation' },
  'Me.organisationRoles': { size: 10, why: 'granted by organisation admins, one per organisation' },
  'Me.moderatedCommunities': { size: 10, why: 'appointed by site admins' },
  'Community.moderators': { size: 10, why: 'appointed by site admins' },
  'Query.organisations': { size: 100, why: 'created by site admins only' },
  'Query.resolveCitations': { size: 50, why: 'at most 50 references per call (MAX_PREVIEWED_REFERENCES)' },
};

/** Lists not in BOUNDED_LISTS and without `first` (none today) cost this many items. */
const UNKNOWN_LIST_SIZE = MAX_PAGE_SIZE;

/**
 * The cost of a field: 1 for each object it may return (scalars are free, they come with
 * their row), times the number of items when it is a list, so `first` multiplies the
 * cost of everything selected under it: questions(first: 100) { answers(first: 100) {
 * comments(first: 100) { id } } } costs about a million and is refused, while the
 * question page (one question, its answers, their comments) stays in the thousands.
 * Introspection costs nothing here: production refuses it, and development needs it.
 */
export const listCostEstimator =
  (pageSizeProblems: { first: number }[]): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
    const hasFirst = field.args.some((arg) => arg.name === 'first');
    let items = 1;
    if (hasFirst) {
      const first: unknown = args.first;
      if (typeof first === 'number') {
        if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) pageSizeProblems.push({ first });
        items = Math.max(0, Math.min(first, MAX_PAGE_SIZE));
      } else {
        // first: null means the field's default.
        const fallback = field.args.find((arg) => arg.name === 'first')?.defaultValue;
        items = typeof fallback === 'number' ? fallback : MAX_PAGE_SIZE;
      }
    } else if (isListType(getNullableType(field.type))) {
      items = BOUNDED_LISTS[`${type.name}.${field.name}`]?.size ?? UNKNOWN_LIST_SIZE;
    }
    return items * (own + childComplexity);
  };

/** A refusal from the limits: its code, its message and the HTTP status it is sent with. */
export interface LimitRefusal {
  code: PublicErrorCode.QUERY_TOO_COMPLEX | PublicErrorCode.BAD_USER_INPUT;
  message: string;
  field?: string;
}

const tooComplex = (message: string): LimitRefusal => ({ code: PublicErrorCode.QUERY_TOO_COMPLEX, message });

/**
 * graphql-armor's depth, alias and directive rules, with plain messages: instead of
 * throwing its own error (which reads "Syntax Error: …"), each reports a refusal a person
 * can act on, coded QUERY_TOO_COMPLEX. The GraphQL server runs them too, as validation rules.
 */
export function queryLimitRules(): ValidationRule[] {
  const report = (message: (found: string) => string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1] ?? 'too many';
        context?.reportError(new GraphQLError(message(found), { extensions: { code: PublicErrorCode.QUERY_TOO_COMPLEX } }));
      },
    ],
  });
  return [
    maxDepthRule({
      n: QUERY_LIMITS.maxDepth,
      flattenFragments: true,
      ...report((found) => `This query is nested ${found} levels deep; the limit is ${QUERY_LIMITS.maxDepth}. Ask for less at once.`),
    }),
    maxAliasesRule({
      n: QUERY_LIMITS.maxAliases,
      ...report((found) => `This query renames fields ${found} times; the limit is ${QUERY_LIMITS.maxAliases}. Send separate requests instead.`),
    }),
    maxDirectivesRule({
      n: QUERY_LIMITS.maxDirectives,
      ...report((found) => `This query has ${found} directives; the limit is ${QUERY_LIMITS.maxDirectives}.`),
    }),
  ];
}

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export type LimitsVerdict =
  | { ok: true; cost: number; document: DocumentNode }
  /** The document or variables are wrong in a way the GraphQL server reports better (syntax, unknown fields, bad variables). */
  | { ok: 'unchecked' }
  | { ok: false; refusal: LimitRefusal };

/**
 * Texts already parsed and checked for depth, aliases and directives, per schema: the web
 * app sends the same few operations all day, and parsing and these rules cost more than
 * the cost check that follows (about 0.1 ms of the 0.2 ms the guard spends on a question
 * list). Bounded by the total length of the texts kept, so no client can grow it.
 */
const parsedTexts = new WeakMap<GraphQLSchema, LRUCache<string, { document: DocumentNode } | Exclude<LimitsVerdict, { ok: true }>>>();

function parsedWithinLimits(schema: GraphQLSchema, query: string): { document: DocumentNode } | Exclude<LimitsVerdict, { ok: true }> {
  let cache = parsedTexts.get(schema);
  if (!cache) parsedTexts.set(schema, (cache = new LRUCache({ maxSize: 4_000_000, sizeCalculation: (_value, key) => Math.max(1, key.length) })));
  let parsed = cache.get(query);
  if (!parsed) {
    parsed = parseWithinLimits(schema, query);
    cache.set(query, parsed);
  }
  return parsed;
}

function parseWithinLimits(schema: GraphQLSchema, query: string): { document: DocumentNode } | Exclude<LimitsVerdict, { ok: true }> {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) {
      return { ok: false, refusal: tooComplex(`This query is longer than ${QUERY_LIMITS.maxTokens} tokens. Ask for less at once.`) };
    }
    return { ok: 'unchecked' };
  }
  const [limitError] = validate(schema, document, queryLimitRules());
  if (limitError) return { ok: false, refusal: tooComplex(limitError.message) };
  return { document };
}

/**
 * Checks one operation against every limit: tokens while parsing, then depth, aliases and
 * directives, then the cost with the request's variables, and `first` on every field.
 */
export function checkOperation(schema: GraphQLSchema, request: OperationRequest): LimitsVerdict {
  const parsed = parsedWithinLimits(schema, request.query);
  if (!('document' in parsed)) return parsed;
  const { document } = parsed;

  const pageSizeProblems: { first: number }[] = [];
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: request.variables ?? {},
      operationName: request.operationName ?? undefined,
      estimators: [listCostEstimator(pageSizeProblems)],
      maxQueryNodes: 10_000,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return { ok: false, refusal: tooComplex('This query selects too many fields. Ask for less at once.') };
    }
    // Variables that do not fit the operation: the GraphQL server refuses them with BAD_USER_INPUT before anything runs.
    return { ok: 'unchecked' };
  }
  if (pageSizeProblems.length) {
    return {
      ok: false,
      refusal: { code: PublicErrorCode.BAD_USER_INPUT, field: 'first', message: `first must be between 1 and ${MAX_PAGE_SIZE} (got ${pageSizeProblems[0].first}).` },
    };
  }
  if (cost > QUERY_LIMITS.maxCost) {
    return {
      ok: false,
      refusal: tooComplex(
        `This query could return about ${cost} objects; the limit is ${QUERY_LIMITS.maxCost}. Ask for fewer items (a smaller first) or fewer nested lists at once.`,
      ),
    };
  }
  return { ok: true, cost, document };
}

/** The error body a refusal is sent as, shaped as GraphQL errors are. */
export function refusalBody(refusal: LimitRefusal): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message: refusal.message, extensions: { code: refusal.code, ...(refusal.field ? { field: refusal.field } : {}) } }] };
}
