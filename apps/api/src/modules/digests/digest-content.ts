/** What a digest covers: one subscriber's activity in (since, until]. */
export interface DigestWindow {
  userId: string;
  since: Date;
  until: Date;
}

export interface DigestItem {
  title: string;
  /** A path on the site, e.g. `/q/<id>`; the renderer adds PUBLIC_URL. An address elsewhere is rendered as a member's link (rel="ugc nofollow"). */
  path: string;
  detail?: string;
}

export interface DigestSection {
  key: string;
  heading: string;
  /** For the subject line, e.g. "3 new questions". */
  summary: string;
  items: DigestItem[];
  /** What did not fit, counted, each with a page that lists it. */
  more: { label: string; count: number; path: string }[];
}

export interface DigestContent {
  sections: DigestSection[];
}

/** How a contributor reads: named prepared statements on the digest pool (see DigestReader). */
export interface DigestQueries {
  query<T>(name: string, text: string, values: unknown[]): Promise<T[]>;
}

/**
 * One section of the digest, e.g. "new versions of policy documents you follow"; every
 * section is listed in `digest-sections.ts`. Digests are built a batch at a time, so a contributor
 * gets every window of the batch at once and answers with one section (or null) per
 * window, in the same order. Its rule: one statement per batch, however many windows;
 * `sqlSection` turns a per-window SELECT into such a contributor. `order` places the
 * section in the mail.
 */
export interface DigestSectionContributor {
  readonly key: string;
  readonly order: number;
  sections(windows: readonly DigestWindow[], db: DigestQueries): Promise<(DigestSection | null)[]>;
}

/** The sections in the order of the mail; two with one key would fill one place twice, so that throws. */
export function inMailOrder(contributors: readonly DigestSectionContributor[]): readonly DigestSectionContributor[] {
  const keys = contributors.map((c) => c.key);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length) throw new Error(`digest sections listed twice: ${repeated.join(', ')}`);
  return [...contributors].sort((a, b) => a.order - b.order);
}

/** Every window's content: each contributor reads once for the whole batch, all of them at the same time. */
export async function buildContents(contributors: readonly DigestSectionContributor[], windows: readonly DigestWindow[], db: DigestQueries): Promise<DigestContent[]> {
  if (!windows.length) return [];
  const perContributor = await Promise.all(contributors.map((c) => c.sections(windows, db)));
  return windows.map((_, i) => ({
    sections: perContributor.map((sections) => sections[i]).filter((s): s is DigestSection => !!s && hasItems(s)),
  }));
}

/**
 * A contributor from one SELECT written for a single window, with the placeholders
 * :userId, :since and :until (never $n), and a `build` from its rows. The SELECT runs as a
 * correlated subquery over the batch's windows, so the batch still costs one statement.
 * Suits sections that are usually empty and cheap to look for (policy versions, stale
 * citations); a section with many rows per subscriber reads better set-wise (see
 * forum-digest-sections.ts).
 */
export function sqlSection(definition: { key: string; order: number; sql: string; build(rows: Record<string, unknown>[]): DigestSection | null }): DigestSectionContributor {
  if (/\$\d/.test(definition.sql)) throw new Error(`digest section ${definition.key}: use :userId, :since and :until, not $n`);
  const sql = definition.sql.replace(/(?<!:):userId\b/g, 'w.user_id').replace(/(?<!:):since\b/g, 'w.since').replace(/(?<!:):until\b/g, 'w.until');
  const text = `SELECT (SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x) AS rows
                  FROM ${BATCH_WINDOWS_SQL} WITH ORDINALITY AS w(user_id, since, until, n)
                 ORDER BY w.n`;
  return {
    key: definition.key,
    order: definition.order,
    async sections(windows, db) {
      const rows = await db.query<{ rows: Record<string, unknown>[] }>(`section-${definition.key}`, text, windowArrays(windows));
      return rows.map((r) => definition.build(r.rows));
    },
  };
}

/** The batch's windows as rows (user_id, since, until) in a statement whose first three parameters are `windowArrays`. */
export const BATCH_WINDOWS_SQL = 'unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[])';

/** The batch as three parallel arrays, the parameters behind BATCH_WINDOWS_SQL. */
export function windowArrays(windows: readonly DigestWindow[]): [string[], Date[], Date[]] {
  return [windows.map((w) => w.userId), windows.map((w) => w.since), windows.map((w) => w.until)];
}

const hasItems = (section: DigestSection): boolean => section.items.length > 0 || section.more.length > 0;

export const isEmpty = (content: DigestContent): boolean => !content.sections.some(hasItems);
