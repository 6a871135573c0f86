import { randomBytes } from 'node:crypto';
import { parsePolicyBody } from '@policy-commons/policies';
import pg from 'pg';
import { databaseUrl, dropDatabase } from '../../test/test-databases.js';
import { RECOUNT_QUESTIONS_SQL } from '../modules/questions/question-counts.js';
import { SCALE_COUNTS, seedScaleData } from './scale-seed.js';

/**
 * The scale data at 1 %: the counts issue #11 asks for, and every counter on a row agrees
 * with the rows it counts, so a benchmark on the large data measures a consistent forum.
 */
describe('scale seed (small)', () => {
  const name = `pc_scale_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = databaseUrl(name);
  const counts = SCALE_COUNTS.small;
  let db: pg.Client;
  const one = async (sql: string): Promise<number> => Number(Object.values((await db.query(sql)).rows[0] as Record<string, unknown>)[0]);

  beforeAll(async () => {
    await seedScaleData({ databaseUrl: url, size: 'small', log: () => {} });
    db = new pg.Client({ connectionString: url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await dropDatabase(name);
  });

  it('has the counts of the issue at 1 %', async () => {
    const tables: [string, number][] = [
      ['users', counts.users],
      ['communities', counts.communities],
      ['tags', counts.tags],
      ['questions', counts.questions],
      ['answers', counts.answers],
      ['comments', counts.comments],
      ['votes', counts.votes],
      ['citations', counts.citations],
      ['follows', counts.follows],
      ['policy_documents', counts.policyDocuments],
      ['policy_versions', counts.policyDocuments * counts.versionsPerDocument],
      ['policy_sections', counts.policyDocuments * counts.versionsPerDocument * counts.sectionsPerVersion],
    ];
    for (const [table, expected] of tables) expect([table, await one(`SELECT count(*) FROM ${table}`)]).toEqual([table, expected]);
  });

  it('keeps answer counts, scores and accepted answers in agreement with their rows', async () => {
    expect(
      await one(`SELECT count(*) FROM questions q
                  WHERE q.answer_count <> (SELECT count(*) FROM answers a WHERE a.question_id = q.id AND a.hidden_at IS NULL AND a.deleted_at IS NULL)`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM questions q WHERE q.score <> coalesce((SELECT sum(value) FROM votes v WHERE v.question_id = q.id), 0)`)).toBe(0);
    expect(await one(`SELECT count(*) FROM answers a WHERE a.score <> coalesce((SELECT sum(value) FROM votes v WHERE v.answer_id = a.id), 0)`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM questions q LEFT JOIN answers a ON a.id = q.accepted_answer_id
                  WHERE q.accepted_answer_id IS NOT NULL AND (a.question_id IS DISTINCT FROM q.id
                        OR NOT EXISTS (SELECT 1 FROM answer_acceptances x WHERE x.question_id = q.id AND x.answer_id = a.id))`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM questions WHERE accepted_answer_id IS NOT NULL`)).toBe(await one('SELECT count(*) FROM answer_acceptances'));
    // Nobody votes on their own post, and each person votes once per post (the unique keys were rebuilt after loading).
    expect(
      await one(`SELECT count(*) FROM votes v LEFT JOIN questions q ON q.id = v.question_id LEFT JOIN answers a ON a.id = v.answer_id
                  WHERE v.user_id = coalesce(q.author_id, a.author_id)`),
    ).toBe(0);
    // The list counts (question_counts) are what a recount from the rows gives.
    const counted = (await db.query(`SELECT scope, scope_id::text AS id, listed, unanswered FROM question_counts ORDER BY scope, scope_id`)).rows;
    await db.query('BEGIN');
    for (const statement of RECOUNT_QUESTIONS_SQL) await db.query(statement);
    const recounted = (await db.query(`SELECT scope, scope_id::text AS id, listed, unanswered FROM question_counts ORDER BY scope, scope_id`)).rows;
    await db.query('ROLLBACK');
    expect(counted).toEqual(recounted);
    expect(counted.length).toBe(1 + counts.communities + counts.tags);
    expect(await one(`SELECT count(*) FROM questions WHERE answer_count = 0`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM questions WHERE answer_count >= 10`)).toBeGreaterThan(0);
  });

  it('keeps activity times, tag dates and revisions in agreement with the posts', async () => {
    expect(
      await one(`SELECT count(*) FROM questions q
                  WHERE q.last_activity_at < greatest(q.created_at,
                          (SELECT max(created_at) FROM answers a WHERE a.question_id = q.id),
                          (SELECT max(c.created_at) FROM comments c LEFT JOIN answers a ON a.id = c.answer_id WHERE coalesce(c.question_id, a.question_id) = q.id))
                          - interval '1 millisecond'`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM question_tags qt JOIN questions q ON q.id = qt.question_id WHERE qt.question_created_at <> q.created_at`)).toBe(0);
    expect(await one(`SELECT count(*) FROM questions q WHERE NOT EXISTS (SELECT 1 FROM question_tags qt WHERE qt.question_id = q.id)`)).toBe(0);
    // The latest revision of every post is its current text.
    expect(
      await one(`SELECT count(*) FROM questions q WHERE q.body <> (SELECT body FROM post_revisions r WHERE r.question_id = q.id ORDER BY revision DESC LIMIT 1)`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM answers a WHERE a.body <> (SELECT body FROM post_revisions r WHERE r.answer_id = a.id ORDER BY revision DESC LIMIT 1)`)).toBe(0);
  });

  it('has no row pointing at a row that does not exist (loaded with foreign-key triggers off)', async () => {
    expect(await one(`SELECT count(*) FROM answers a WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = a.question_id)`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = c.question_id) AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.id = c.answer_id)`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM votes v WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = v.question_id) AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.id = v.answer_id)`),
    ).toBe(0);
    for (const [table, column] of [
      ['questions', 'author_id'],
      ['answers', 'author_id'],
      ['comments', 'author_id'],
      ['votes', 'user_id'],
      ['follows', 'user_id'],
      ['post_revisions', 'edited_by'],
    ]) {
      expect([table, await one(`SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.${column})`)]).toEqual([table, 0]);
    }
    expect(await one(`SELECT count(*) FROM questions q WHERE NOT EXISTS (SELECT 1 FROM communities c WHERE c.id = q.community_id)`)).toBe(0);
    expect(await one(`SELECT count(*) FROM question_tags qt WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.id = qt.tag_id)`)).toBe(0);
  });

  it('resolves every citation to its section, and the post says what it cites', async () => {
    expect(
      await one(`SELECT count(*) FROM citations c
                   JOIN policy_sections s ON s.id = c.section_id JOIN policy_versions v ON v.id = c.version_id JOIN policy_documents d ON d.id = v.document_id
                  WHERE s.version_id <> c.version_id OR c.reference <> 'policy:' || d.slug || '@' || v.version || '#' || s.anchor`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM citations c WHERE NOT EXISTS (SELECT 1 FROM policy_sections s WHERE s.id = c.section_id)`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM citations c LEFT JOIN questions q ON q.id = c.question_id LEFT JOIN answers a ON a.id = c.answer_id
                  WHERE position(c.reference IN coalesce(q.body, a.body)) = 0`),
    ).toBe(0);
  });

  it('publishes policy versions the policies package reads back section for section', async () => {
    const versions = (await db.query<{ id: string; body: string }>('SELECT id, body FROM policy_versions')).rows;
    for (const version of versions) {
      const stored = (await db.query<{ anchor: string }>('SELECT anchor FROM policy_sections WHERE version_id = $1 ORDER BY position', [version.id])).rows;
      const parsed = parsePolicyBody(version.body);
      expect(parsed.ok).toBe(true);
      expect(parsed.sections.map((s) => s.anchor)).toEqual(stored.map((s) => s.anchor));
    }
  });
});
