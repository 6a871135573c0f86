import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { dataSourceOptions } from '../database/data-source-options.js';
import { decodeCursor, encodeCursor } from '../common/pagination.js';
import { highlightSnippet } from '../modules/search/snippet.js';
import { markdownToPlainText } from '../modules/search/plain-text.js';
import { floorQuestionPageSql, floorSearchSql, floorSnippetsSql, questionListSql, type ListFilter } from './floor-sql.js';

/**
 * The floor of the read benchmark: what answering the web app's operations costs when
 * nothing stands between HTTP and PostgreSQL. A bare node:http server, the same pool size
 * as the api's, one hand-written statement per operation, and the same JSON the api sends
 * (the benchmark compares the two). Anonymous visitors only, as the benchmark's reads are.
 */
const databaseUrl = process.env.DATABASE_URL as string;
const poolSize = (dataSourceOptions({ databaseUrl, logSql: false }).extra as { max: number }).max;
const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });

interface GraphQLBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

const typed = <T extends object>(typename: string, value: T) => ({ __typename: typename, ...value });
const iso = (value: Date | string) => new Date(value).toISOString();

interface ListRow {
  id: string;
  title: string;
  score: number;
  view_count: number;
  answer_count: number;
  accepted_answer_id: string | null;
  closed_reason: string | null;
  created_at: Date;
  last_activity_at: Date;
  author_id: string;
  author_name: string;
  community_id: string;
  community_slug: string;
  community_title: string;
  tags: { id: string; slug: string }[];
  total: number;
}

async function questionList(variables: Record<string, unknown>) {
  const filter = (variables.filter ?? {}) as ListFilter;
  const active = variables.orderBy === 'ACTIVE';
  const first = Number(variables.first ?? 20);
  const after = typeof variables.after === 'string' ? (decodeCursor(variables.after, ['timestamp', 'uuid']) as [string, string]) : null;
  const { sql, params } = questionListSql(filter, active, first + 1, after);
  const { rows } = await pool.query<ListRow>(sql, params);
  const page = rows.slice(0, first);
  const edges = page.map((row) =>
    typed('QuestionEdge', {
      cursor: encodeCursor([iso(active ? row.last_activity_at : row.created_at), row.id]),
      node: typed('Question', {
        acceptedAnswer: row.accepted_answer_id ? typed('Answer', { id: row.accepted_answer_id }) : null,
        answerCount: row.answer_count,
        author: typed('User', { displayName: row.author_name, id: row.author_id }),
        closedReason: row.closed_reason,
        community: typed('Community', { id: row.community_id, slug: row.community_slug, title: row.community_title }),
        createdAt: iso(row.created_at),
        id: row.id,
        lastActivityAt: iso(row.last_activity_at),
        score: row.score,
        tags: row.tags.map((tag) => typed('Tag', tag)),
        title: row.title,
        viewCount: row.view_count,
      }),
    }),
  );
  return typed('Query', {
    questions: typed('QuestionConnection', {
      edges,
      pageInfo: typed('PageInfo', { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > first }),
      totalCount: rows[0]?.total ?? 0,
    }),
  });
}

interface SearchRow {
  total: number;
  capped: boolean;
  kind: 'question' | 'policySection' | null;
  id: string;
  answer_id: string | null;
  matching_answers: number | null;
  is_current: boolean | null;
  rank: number;
  k2: number;
  snippet_title: string | null;
  snippet_body: string;
  title: string;
  answer_count: number;
  created_at: Date;
  score: number;
  community_id: string;
  community_slug: string;
  community_title: string;
  tags: { id: string; slug: string }[] | null;
  anchor: string;
  section_title: string;
  version_id: string;
  version: string;
  published_on: string;
  document_id: string;
  document_slug: string;
  document_title: string;
}

/** The web app's search: relevance order, no filters (the only page the benchmark asks for). */
async function search(variables: Record<string, unknown>) {
  const first = Number(variables.first ?? 20);
  const query = String(variables.query).trim();
  const rows = (await pool.query<SearchRow>(floorSearchSql, [query, first + 1])).rows;
  const found = rows.filter((row) => row.kind !== null);
  const page = found.slice(0, first);
  const texts = page.map((row) => {
    const body = markdownToPlainText(row.snippet_body);
    return row.snippet_title ? `${row.snippet_title} — ${body}` : body;
  });
  const headlines = texts.length ? (await pool.query<{ headline: string }>(floorSnippetsSql, [query, texts])).rows : [];
  const edges = page.map((row, i) => {
    const snippet = highlightSnippet(headlines[i]?.headline ?? '');
    // The sort keys of relevance order: rank, then the time, then nothing.
    const cursor = encodeCursor(['RELEVANCE', String(row.rank), String(row.k2), String(0), row.id]);
    const node =
      row.kind === 'question'
        ? typed('SearchHit', {
            answer: row.answer_id ? typed('Answer', { id: row.answer_id }) : null,
            matchingAnswerCount: row.matching_answers ?? 0,
            question: typed('Question', {
              answerCount: row.answer_count,
              community: typed('Community', { id: row.community_id, slug: row.community_slug, title: row.community_title }),
              createdAt: iso(row.created_at),
              id: row.id,
              score: row.score,
              tags: (row.tags ?? []).map((tag) => typed('Tag', tag)),
              title: row.title,
            }),
            snippet,
          })
        : typed('PolicySectionHit', {
            document: typed('PolicyDocument', { id: row.document_id, slug: row.document_slug, title: row.document_title }),
            isCurrentVersion: row.is_current === true,
            section: typed('PolicySection', { anchor: row.anchor, title: row.section_title }),
            snippet,
            version: typed('PolicyVersion', { id: row.version_id, publishedOn: iso(`${row.published_on}T00:00:00Z`), version: row.version }),
          });
    return typed('SearchResultEdge', { cursor, node });
  });
  return typed('Query', {
    searchResults: typed('SearchResultConnection', {
      edges,
      pageInfo: typed('PageInfo', { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: found.length > first }),
      totalCount: rows[0]?.total ?? 0,
      totalCountIsLowerBound: rows[0]?.capped ?? false,
    }),
  });
}

async function questionPage(variables: Record<string, unknown>) {
  // The statement builds the whole tree; only the dates need JavaScript's format.
  const { rows } = await pool.query<{ question: unknown }>(floorQuestionPageSql, [variables.id]);
  return typed('Query', { question: rows[0]?.question ?? null });
}

const operations: Record<string, (variables: Record<string, unknown>) => Promise<unknown>> = {
  QuestionList: questionList,
  Search: search,
  QuestionDetail: questionPage,
};

async function readBody(req: IncomingMessage): Promise<GraphQLBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLBody;
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  readBody(req)
    .then(async (body) => {
      const operation = operations[body.operationName ?? ''];
      if (!operation) throw new Error(`the floor does not answer ${body.operationName}`);
      const data = await operation(body.variables ?? {});
      const json = JSON.stringify({ data });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    })
    .catch((error: unknown) => {
      const json = JSON.stringify({ errors: [{ message: (error as Error).message }] });
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(json);
    });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ listening: typeof address === 'object' && address ? address.port : null });
});
