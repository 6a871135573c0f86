import type { DigestItem, DigestSection, DigestSectionContributor } from './digest-content.js';

/** How many new questions a digest lists before it only counts the rest. */
export const TOP_NEW_QUESTIONS = 5;

interface NewQuestionRow {
  id: string;
  title: string;
  activity: number;
  createdAt: string;
  via: 'c' | 't';
  viaSlug: string;
  viaLabel: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** New questions in followed communities and tags (not the subscriber's own), the most active first. */
export const newQuestionsSection: DigestSectionContributor = {
  key: 'new-questions',
  order: 10,
  sql: `SELECT q.id, q.title, (q.answer_count * 3 + q.score * 2 + q.view_count) AS activity, q.created_at AS "createdAt",
               'c' AS via, c.slug AS "viaSlug", c.title AS "viaLabel"
          FROM follows f JOIN questions q ON q.community_id = f.target_id JOIN communities c ON c.id = q.community_id
         WHERE f.user_id = :userId AND f.kind = 'COMMUNITY' AND q.created_at > :since AND q.created_at <= :until AND q.author_id <> :userId
        UNION ALL
        SELECT q.id, q.title, (q.answer_count * 3 + q.score * 2 + q.view_count), q.created_at, 't', t.slug, t.slug
          FROM follows f JOIN question_tags qt ON qt.tag_id = f.target_id JOIN tags t ON t.id = qt.tag_id JOIN questions q ON q.id = qt.question_id
         WHERE f.user_id = :userId AND f.kind = 'TAG' AND q.created_at > :since AND q.created_at <= :until AND q.author_id <> :userId
         LIMIT 2000`,
  build(raw): DigestSection | null {
    const rows = raw as unknown as NewQuestionRow[];
    if (!rows.length) return null;
    // A question in a followed community that also has a followed tag is listed once, under the community.
    const unique = new Map<string, NewQuestionRow>();
    for (const row of [...rows].sort((a, b) => a.via.localeCompare(b.via))) if (!unique.has(row.id)) unique.set(row.id, row);
    const ranked = [...unique.values()].sort(
      (a, b) => b.activity - a.activity || new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || a.id.localeCompare(b.id),
    );
    const shown = ranked.slice(0, TOP_NEW_QUESTIONS);
    const more = new Map<string, { label: string; count: number; path: string }>();
    for (const row of ranked.slice(TOP_NEW_QUESTIONS)) {
      const path = row.via === 'c' ? `/c/${row.viaSlug}` : `/t/${row.viaSlug}`;
      const entry = more.get(path) ?? { label: row.via === 'c' ? row.viaLabel : `#${row.viaLabel}`, count: 0, path };
      entry.count += 1;
      more.set(path, entry);
    }
    const items: DigestItem[] = shown.map((q) => ({ title: q.title, path: `/q/${q.id}`, detail: q.via === 'c' ? `in ${q.viaLabel}` : `tagged #${q.viaLabel}` }));
    return { key: 'new-questions', heading: 'New questions', summary: plural(ranked.length, 'new question', 'new questions'), items, more: [...more.values()] };
  },
};

interface WatchedRow {
  id: string;
  title: string;
  newAnswers: number;
  accepted: boolean;
}

/** New and accepted answers on watched questions (not the subscriber's own doing). */
export const watchedQuestionsSection: DigestSectionContributor = {
  key: 'watched-questions',
  order: 20,
  sql: `SELECT q.id, q.title, x.new_answers AS "newAnswers", y.accepted
          FROM follows f JOIN questions q ON q.id = f.target_id
          CROSS JOIN LATERAL (SELECT count(*)::int AS new_answers FROM answers a
                               WHERE a.question_id = q.id AND a.created_at > :since AND a.created_at <= :until AND a.author_id <> :userId) x
          CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM answer_acceptances aa
                               WHERE aa.question_id = q.id AND aa.accepted_at > :since AND aa.accepted_at <= :until AND aa.accepted_by <> :userId) AS accepted) y
         WHERE f.user_id = :userId AND f.kind = 'QUESTION' AND (x.new_answers > 0 OR y.accepted)
         ORDER BY x.new_answers DESC, q.id`,
  build(raw): DigestSection | null {
    const rows = raw as unknown as WatchedRow[];
    if (!rows.length) return null;
    const answers = rows.reduce((n, r) => n + r.newAnswers, 0);
    const accepted = rows.filter((r) => r.accepted).length;
    const summary = [answers ? plural(answers, 'new answer', 'new answers') : '', accepted ? plural(accepted, 'accepted answer', 'accepted answers') : '']
      .filter(Boolean)
      .join(', ');
    return {
      key: 'watched-questions',
      heading: 'On questions you watch',
      summary,
      items: rows.map((r) => ({
        title: r.title,
        path: `/q/${r.id}`,
        detail: [r.newAnswers ? plural(r.newAnswers, 'new answer', 'new answers') : '', r.accepted ? 'an answer was accepted' : ''].filter(Boolean).join(' · '),
      })),
      more: [],
    };
  },
};
