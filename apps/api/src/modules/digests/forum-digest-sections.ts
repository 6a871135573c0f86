import { groupBy } from '../../common/loaders.js';
import { BATCH_WINDOWS_SQL, windowArrays, type DigestItem, type DigestSection, type DigestSectionContributor, type DigestWindow } from './digest-content.js';

/** How many new questions a digest lists before it only counts the rest. */
export const TOP_NEW_QUESTIONS = 5;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Milliseconds since the epoch, with the microseconds PostgreSQL keeps as a fraction, so bounds compare exactly. */
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)`;

/*
 * The forum's sections read set-wise: one statement fetches what the whole batch could
 * need (the batch's follows, and the activity of everything they point at inside the
 * span of all the batch's windows), and each window is then picked out in memory. Read
 * per subscriber instead, every digest repeated the same index walks for the same few
 * communities and tags, and PostgreSQL spent more time there than on anything else.
 */

export interface NewQuestion {
  id: string;
  title: string;
  activity: number;
  createdAt: number;
  authorId: string;
  communityId: string;
  communitySlug: string;
  communityTitle: string;
  /** [tagId, slug] of its tags that someone in the batch follows (enough to tell which of them a subscriber follows). */
  tags: [string, string][];
}

export interface FollowedTargets {
  communities: ReadonlySet<string>;
  tags: ReadonlySet<string>;
}

/**
 * New questions in the window, in followed communities and tags, not the subscriber's own:
 * the most active first (then newest), each once — under its community when that is
 * followed, otherwise under its followed tag with the first slug — and the rest counted
 * per community or tag.
 */
export function newQuestionsSection(window: DigestWindow, follows: FollowedTargets, questions: readonly NewQuestion[]): DigestSection | null {
  const since = window.since.getTime();
  const until = window.until.getTime();
  const ranked: { q: NewQuestion; via: { label: string; path: string; detail: string } }[] = [];
  for (const q of questions) {
    if (q.createdAt <= since || q.createdAt > until || q.authorId === window.userId) continue;
    if (follows.communities.has(q.communityId)) {
      ranked.push({ q, via: { label: q.communityTitle, path: `/c/${q.communitySlug}`, detail: `in ${q.communityTitle}` } });
      continue;
    }
    let tag: string | undefined;
    for (const [id, slug] of q.tags) if (follows.tags.has(id) && (tag === undefined || slug < tag)) tag = slug;
    if (tag !== undefined) ranked.push({ q, via: { label: `#${tag}`, path: `/t/${tag}`, detail: `tagged #${tag}` } });
  }
  if (!ranked.length) return null;
  ranked.sort((a, b) => b.q.activity - a.q.activity || b.q.createdAt - a.q.createdAt || (a.q.id < b.q.id ? -1 : a.q.id > b.q.id ? 1 : 0));
  const items: DigestItem[] = ranked.slice(0, TOP_NEW_QUESTIONS).map(({ q, via }) => ({ title: q.title, path: `/q/${q.id}`, detail: via.detail }));
  const more = new Map<string, { label: string; count: number; path: string }>();
  for (const { via } of ranked.slice(TOP_NEW_QUESTIONS)) {
    const entry = more.get(via.path) ?? { label: via.label, count: 0, path: via.path };
    entry.count += 1;
    more.set(via.path, entry);
  }
  return { key: 'new-questions', heading: 'New questions', summary: plural(ranked.length, 'new question', 'new questions'), items, more: [...more.values()] };
}

/** Digests leave out what moderators removed or closed, and what flags hid. */
const VISIBLE_OPEN_QUESTION = (alias: string) => `${alias}.hidden_at IS NULL AND ${alias}.deleted_at IS NULL AND ${alias}.closed_at IS NULL`;

const NEW_QUESTIONS_SQL = `
  WITH w AS (SELECT * FROM ${BATCH_WINDOWS_SQL} AS w(user_id, since, until)),
  span AS (SELECT min(since) AS since, max(until) AS until FROM w),
  f AS (SELECT f.user_id, f.kind, f.target_id FROM follows f WHERE f.user_id = ANY($1::uuid[]) AND f.kind IN ('COMMUNITY', 'TAG')),
  by_community AS (
    SELECT q.id FROM (SELECT DISTINCT target_id FROM f WHERE kind = 'COMMUNITY') c CROSS JOIN span
      CROSS JOIN LATERAL (SELECT q.id FROM questions q WHERE q.community_id = c.target_id AND q.created_at > span.since AND q.created_at <= span.until) q),
  by_tag AS (
    SELECT qt.question_id, qt.tag_id FROM (SELECT DISTINCT target_id FROM f WHERE kind = 'TAG') t CROSS JOIN span
      CROSS JOIN LATERAL (SELECT qt.question_id, qt.tag_id FROM question_tags qt
                           WHERE qt.tag_id = t.target_id AND qt.question_created_at > span.since AND qt.question_created_at <= span.until) qt),
  found AS (SELECT q.id, q.title, q.answer_count * 3 + q.score * 2 + q.view_count AS activity, ${epochMs('q.created_at')} AS at, q.author_id, q.community_id
              FROM questions q WHERE q.id = ANY(ARRAY(SELECT id FROM by_community UNION SELECT question_id FROM by_tag))
               AND ${VISIBLE_OPEN_QUESTION('q')})
  SELECT (SELECT coalesce(json_agg(json_build_array(user_id, kind, target_id)), '[]'::json) FROM f) AS follows,
         (SELECT coalesce(json_agg(json_build_array(id, title, activity, at, author_id, community_id)), '[]'::json) FROM found) AS questions,
         (SELECT coalesce(json_agg(json_build_array(c.id, c.slug, c.title)), '[]'::json) FROM communities c WHERE c.id = ANY(ARRAY(SELECT DISTINCT community_id FROM found))) AS communities,
         (SELECT coalesce(json_agg(json_build_array(question_id, tag_id)), '[]'::json) FROM by_tag) AS "questionTags",
         (SELECT coalesce(json_agg(json_build_array(t.id, t.slug)), '[]'::json) FROM tags t WHERE t.id = ANY(ARRAY(SELECT DISTINCT tag_id FROM by_tag))) AS tags`;

type NewQuestionTuple = [id: string, title: string, activity: number, createdAt: number, authorId: string, communityId: string];

interface NewQuestionsRow {
  follows: [userId: string, kind: 'COMMUNITY' | 'TAG', targetId: string][];
  questions: NewQuestionTuple[];
  communities: [id: string, slug: string, title: string][];
  /** Which of the batch's followed tags each question found through a tag has. */
  questionTags: [questionId: string, tagId: string][];
  tags: [id: string, slug: string][];
}

/** New questions in followed communities and tags (not the subscriber's own), the most active first. */
export const newQuestionsContributor: DigestSectionContributor = {
  key: 'new-questions',
  order: 10,
  async sections(windows, db) {
    const [row] = await db.query<NewQuestionsRow>('new-questions', NEW_QUESTIONS_SQL, windowArrays(windows));
    const follows = new Map<string, { communities: Set<string>; tags: Set<string> }>();
    for (const [userId, kind, targetId] of row.follows) {
      const mine = follows.get(userId) ?? { communities: new Set<string>(), tags: new Set<string>() };
      (kind === 'COMMUNITY' ? mine.communities : mine.tags).add(targetId);
      follows.set(userId, mine);
    }
    const communities = new Map(row.communities.map(([id, slug, title]) => [id, { slug, title }]));
    const tagSlugs = new Map(row.tags);
    const tagsOf = groupBy(row.questionTags, ([questionId]) => questionId, ([, tagId]): [string, string] => [tagId, tagSlugs.get(tagId) ?? '']);
    const questions: NewQuestion[] = row.questions.map(([id, title, activity, createdAt, authorId, communityId]) => ({
      id,
      title,
      activity,
      createdAt,
      authorId,
      communityId,
      communitySlug: communities.get(communityId)?.slug ?? '',
      communityTitle: communities.get(communityId)?.title ?? '',
      tags: tagsOf.get(id) ?? [],
    }));
    // Only the questions a subscriber's follows reach are looked at for them.
    const reached = questions.flatMap((q) => [{ target: q.communityId, q }, ...q.tags.map(([tagId]) => ({ target: tagId, q }))]);
    const byTarget = groupBy(reached, (r) => r.target, (r) => r.q);
    return windows.map((window) => {
      const mine = follows.get(window.userId);
      if (!mine) return null;
      const reachable = new Set<NewQuestion>();
      for (const target of [...mine.communities, ...mine.tags]) for (const q of byTarget.get(target) ?? []) reachable.add(q);
      return newQuestionsSection(window, mine, [...reachable]);
    });
  },
};

export interface WatchedActivity {
  /** Per question: [authorId, createdAt in ms] of each answer in the batch's span. */
  answers: ReadonlyMap<string, readonly [string, number][]>;
  /** Per question: [acceptedBy, acceptedAt in ms] of each acceptance in the batch's span. */
  acceptances: ReadonlyMap<string, readonly [string, number][]>;
  titles: ReadonlyMap<string, string>;
}

/** New and accepted answers on watched questions (not the subscriber's own doing), the most answered first. */
export function watchedQuestionsSection(window: DigestWindow, watched: readonly string[], activity: WatchedActivity): DigestSection | null {
  const since = window.since.getTime();
  const until = window.until.getTime();
  const count = (events: readonly [string, number][] | undefined) => (events ?? []).filter(([by, at]) => at > since && at <= until && by !== window.userId).length;
  const rows = watched
    .map((id) => ({ id, newAnswers: count(activity.answers.get(id)), accepted: count(activity.acceptances.get(id)) > 0 }))
    // A watched question that was hidden or deleted since has no title here: leave it out.
    .filter((r) => activity.titles.has(r.id) && (r.newAnswers > 0 || r.accepted));
  if (!rows.length) return null;
  rows.sort((a, b) => b.newAnswers - a.newAnswers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const answers = rows.reduce((n, r) => n + r.newAnswers, 0);
  const accepted = rows.filter((r) => r.accepted).length;
  const summary = [answers ? plural(answers, 'new answer', 'new answers') : '', accepted ? plural(accepted, 'accepted answer', 'accepted answers') : ''].filter(Boolean).join(', ');
  return {
    key: 'watched-questions',
    heading: 'On questions you watch',
    summary,
    items: rows.map((r) => ({
      title: activity.titles.get(r.id) ?? '',
      path: `/q/${r.id}`,
      detail: [r.newAnswers ? plural(r.newAnswers, 'new answer', 'new answers') : '', r.accepted ? 'an answer was accepted' : ''].filter(Boolean).join(' · '),
    })),
    more: [],
  };
}

const WATCHED_QUESTIONS_SQL = `
  WITH w AS (SELECT * FROM ${BATCH_WINDOWS_SQL} AS w(user_id, since, until)),
  span AS (SELECT min(since) AS since, max(until) AS until FROM w),
  f AS (SELECT f.user_id, f.target_id FROM follows f WHERE f.user_id = ANY($1::uuid[]) AND f.kind = 'QUESTION'),
  a AS (SELECT a.* FROM (SELECT DISTINCT target_id FROM f) t CROSS JOIN span CROSS JOIN LATERAL (
          SELECT a.question_id, a.author_id, ${epochMs('a.created_at')} AS at FROM answers a
           WHERE a.question_id = t.target_id AND a.created_at > span.since AND a.created_at <= span.until
             AND a.hidden_at IS NULL AND a.deleted_at IS NULL) a),
  aa AS (SELECT aa.* FROM (SELECT DISTINCT target_id FROM f) t CROSS JOIN span CROSS JOIN LATERAL (
           SELECT aa.question_id, aa.accepted_by, ${epochMs('aa.accepted_at')} AS at FROM answer_acceptances aa
            WHERE aa.question_id = t.target_id AND aa.accepted_at > span.since AND aa.accepted_at <= span.until) aa)
  SELECT (SELECT coalesce(json_agg(json_build_array(user_id, target_id)), '[]'::json) FROM f) AS follows,
         (SELECT coalesce(json_agg(json_build_array(question_id, author_id, at)), '[]'::json) FROM a) AS answers,
         (SELECT coalesce(json_agg(json_build_array(question_id, accepted_by, at)), '[]'::json) FROM aa) AS acceptances,
         (SELECT coalesce(json_agg(json_build_array(q.id, q.title)), '[]'::json) FROM questions q
           WHERE q.id = ANY(ARRAY(SELECT question_id FROM a UNION SELECT question_id FROM aa)) AND q.hidden_at IS NULL AND q.deleted_at IS NULL) AS titles`;

/** New and accepted answers on watched questions (not the subscriber's own doing). */
export const watchedQuestionsContributor: DigestSectionContributor = {
  key: 'watched-questions',
  order: 20,
  async sections(windows, db) {
    const [row] = await db.query<{
      follows: [string, string][];
      answers: [string, string, number][];
      acceptances: [string, string, number][];
      titles: [string, string][];
    }>('watched-questions', WATCHED_QUESTIONS_SQL, windowArrays(windows));
    const watched = groupBy(row.follows, ([userId]) => userId, ([, questionId]) => questionId);
    const byQuestion = (events: [string, string, number][]) => groupBy(events, ([questionId]) => questionId, ([, by, at]): [string, number] => [by, at]);
    const activity: WatchedActivity = { answers: byQuestion(row.answers), acceptances: byQuestion(row.acceptances), titles: new Map(row.titles) };
    return windows.map((window) => {
      const mine = watched.get(window.userId);
      return mine ? watchedQuestionsSection(window, mine, activity) : null;
    });
  },
};

