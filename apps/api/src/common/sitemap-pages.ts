import type { DataSource } from 'typeorm';

/**
 * Where the sitemap file after the one that starts after `after` starts, for a table walked
 * by one unique key: the key of that file's last row when more rows follow it, null when
 * that file is the last. One statement reading only the key's index (no COUNT, no OFFSET).
 * `table` and `key` are the calling module's own names, never input; `cast` types `after`
 * (e.g. `::uuid`).
 */
export async function sitemapPageEnd(db: DataSource, walk: { table: string; key: string; cast?: string }, after: string | null, size: number): Promise<string | null> {
  const { table, key, cast = '' } = walk;
  const [row] = (await db.query(
    `SELECT page.key FROM (SELECT t.${key} AS key, row_number() OVER w AS n, lead(t.${key}) OVER w AS next FROM ${table} t ${after !== null ? `WHERE t.${key} > $2${cast}` : ''}
                             WINDOW w AS (ORDER BY t.${key}) ORDER BY t.${key} LIMIT $1 + 1) page
      WHERE page.n = $1 AND page.next IS NOT NULL`,
    after !== null ? [size, after] : [size],
  )) as { key: string }[];
  return row ? row.key : null;
}
