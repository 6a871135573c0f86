import { randomBytes } from 'node:crypto';
import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, grantRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const PASSWORD = 'correct horse battery';
const DELETE_ME = 'mutation($password: String!, $removePosts: Boolean) { deleteMyAccount(password: $password, removePosts: $removePosts) }';
const ERASE = 'mutation($userId: ID!, $removePosts: Boolean) { eraseAccount(userId: $userId, removePosts: $removePosts) }';
const ME = '{ me { email user { id displayName } } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const QUESTION = `query($id: ID!) {
  question(id: $id) {
    body answerCount score
    author { id displayName isDeleted createdAt affiliations { role } }
    revisions { editedBy { displayName isDeleted } }
    comments { body author { displayName isDeleted } }
    answers { body author { displayName isDeleted } comments { author { displayName } } }
  }
}`;

interface Member extends Person {
  email: string;
  displayName: string;
}

interface Footprint {
  questionId: string;
  answerId: string;
  commentId: string;
}

interface QuestionView {
  question: {
    body: string;
    answerCount: number;
    score: number;
    author: { id: string; displayName: string; isDeleted: boolean; createdAt: string; affiliations: { role: string }[] };
    revisions: { editedBy: { displayName: string; isDeleted: boolean } }[];
    comments: { body: string; author: { displayName: string; isDeleted: boolean } }[];
    answers: { body: string; author: { displayName: string; isDeleted: boolean }; comments: { author: { displayName: string } }[] }[];
  } | null;
}

/** Someone whose email and name appear nowhere else, so finding either one means erasure missed it. */
async function uniqueMember(t: TestApp): Promise<Member> {
  const tag = randomBytes(4).toString('hex');
  const email = `zora.quill.${tag}@example.org`;
  const displayName = `Zora Quillfeather ${tag}`;
  const result = await t.gql<{ signUp: { token: string; user: { id: string } } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }',
    { input: { email, displayName, password: PASSWORD } },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { token: result.data.signUp.token, id: result.data.signUp.user.id, email, displayName };
}

/**
 * Every text, varchar, json, jsonb and text[] column of every table, read from
 * information_schema so that tables added later are searched without changing this test.
 */
async function rowsMentioning(t: TestApp, needle: string): Promise<string[]> {
  const columns = (await t.db.query(
    `SELECT c.table_name AS "table", c.column_name AS "column"
       FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
      ORDER BY 1, 2`,
  )) as { table: string; column: string }[];
  expect(columns.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = (await t.db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`, [needle])) as { n: number }[];
    if (row.n > 0) found.push(`${table}.${column} (${row.n})`);
  }
  return found;
}

describe('erasing an account', () => {
  let t: TestApp;
  let communityId: string;
  let other: Person;
  let admin: Person;

  beforeAll(async () => {
    t = await startTestApp();
    ({ communityId } = await createCommunity(t));
    other = await signUp(t, 'Olu Other');
    admin = await signUp(t, 'Ada Admin');
    await grantRole(t, admin.id, 'ADMIN');
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('county-council', 'Shireford County Council')`);
  });
  afterAll(() => t.close());

  /** Leaves a trace of the member in every place the forum keeps one. */
  async function leaveFootprints(member: Member): Promise<Footprint> {
    const ok = async (query: string, variables: Record<string, unknown>, who: Person = member) => {
      const result = await t.gql(query, variables, who);
      if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
      return result.data;
    };
    await ok('mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { id } }', {
      input: [{ organisationSlug: 'county-council', role: `parish councillor, as ${member.displayName}` }],
    });
    await ok('mutation($id: ID!) { joinCommunity(communityId: $id) { id } }', { id: communityId });
    await ok('mutation($input: FollowInput!) { follow(input: $input) { targetId } }', { input: { kind: 'COMMUNITY', targetId: communityId } });
    await ok('mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { digestHour } }', {
      input: { digestFrequency: 'WEEKLY', digestWeekday: 2, digestHour: 7, timeZone: 'Europe/Paris' },
    });
    const questionId = await askQuestion(t, member, communityId, { title: 'Does the dual-role rule apply to governors?', body: 'Asking for our school.' });
    // Someone else's question, which the member answers, comments on and votes for: those
    // notify its asker, quoting the member's name.
    const othersQuestionId = await askQuestion(t, other, communityId, { title: 'Who signs off a parish blog post?', body: 'Is it the clerk?' });
    const answerId = await answerQuestion(t, member, othersQuestionId, 'The clerk, under the standing orders.');
    const comment = (await ok('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: othersQuestionId, body: 'See also the code of conduct.' } })) as {
      addComment: { id: string };
    };
    await ok('mutation($input: VoteInput!) { vote(input: $input) }', { input: { postId: othersQuestionId, value: 'UP' } });
    // And notifications addressed to the member.
    await answerQuestion(t, other, questionId, 'Yes, governors are covered too.');
    await ok('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: questionId, body: 'Thanks, that helps.' } }, other);
    // Rights and requests, written by whoever owns them in a real run; their notes quote the member.
    await t.db.query(
      `INSERT INTO organisation_memberships (organisation_id, user_id, role) SELECT id, $1, 'POLICY_AUTHOR' FROM organisations WHERE slug = 'county-council'`,
      [member.id],
    );
    await t.db.query(
      `INSERT INTO organisation_role_requests (organisation_id, user_id, role, note)
       SELECT id, $1, 'ORG_ADMIN', $2 FROM organisations WHERE slug = 'county-council'`,
      [member.id, `Please, I am ${member.displayName}`],
    );
    await t.db.query('INSERT INTO community_moderators (community_id, user_id) VALUES ($1, $2)', [communityId, member.id]);
    await t.db.query(`UPDATE users SET suspended_until = now() - interval '1 day', suspension_reason = $2 WHERE id = $1`, [member.id, `${member.displayName} was rude`]);
    await t.db.query(
      `INSERT INTO digest_deliveries (user_id, period, due_at, status, last_error) VALUES ($1, 'daily:2026-01-05', now(), 'FAILED', $2)`,
      [member.id, `550 5.1.1 <${member.email}>: mailbox unavailable`],
    );
    await ok('mutation($email: String!) { requestPasswordReset(email: $email) }', { email: member.email.toUpperCase() });
    return { questionId, answerId, commentId: comment.addComment.id };
  }

  async function expectSignedIn(member: Member): Promise<void> {
    const me = await t.gql<{ me: { email: string } | null }>(ME, {}, member);
    expect(me.data?.me?.email).toBe(member.email);
  }

  it('leaves no row in any table holding the email or the name; posts stay, by "a deleted member"', async () => {
    const member = await uniqueMember(t);
    const traces = await leaveFootprints(member);
    const othersQuestionId = (await t.db.query('SELECT question_id AS id FROM answers WHERE id = $1', [traces.answerId]))[0].id as string;
    const before = (await t.gql<QuestionView>(QUESTION, { id: othersQuestionId })).data?.question;
    // The test is only as good as its footprints: before erasure, both are found in many places.
    expect((await rowsMentioning(t, member.email)).length).toBeGreaterThanOrEqual(2);
    expect((await rowsMentioning(t, member.displayName)).length).toBeGreaterThanOrEqual(5);

    const result = await t.gql<{ deleteMyAccount: boolean }>(DELETE_ME, { password: PASSWORD }, member);
    expect(result.errors).toBeUndefined();
    expect(result.data?.deleteMyAccount).toBe(true);
    expect(result.headers.get('set-cookie') ?? '').toMatch(/pc_session=;/);

    expect(await rowsMentioning(t, member.email)).toEqual([]);
    expect(await rowsMentioning(t, member.displayName)).toEqual([]);
    // Nor any part of them that could still identify the person.
    expect(await rowsMentioning(t, member.email.split('@')[0])).toEqual([]);

    // Their question, answer and comment are still there, by a deleted member.
    const own = (await t.gql<QuestionView>(QUESTION, { id: traces.questionId })).data?.question;
    expect(own?.body).toBe('Asking for our school.');
    expect(own?.author).toMatchObject({ id: member.id, displayName: 'a deleted member', isDeleted: true, affiliations: [] });
    expect(Date.parse(own?.author.createdAt ?? '')).toBeLessThanOrEqual(Date.now());
    // The edit history keeps the text, not the person.
    expect(own?.revisions.map((r) => r.editedBy)).toEqual([{ displayName: 'a deleted member', isDeleted: true }]);
    const theirs = (await t.gql<QuestionView>(QUESTION, { id: othersQuestionId })).data?.question;
    expect(theirs?.answers.map((a) => [a.body, a.author.displayName, a.author.isDeleted])).toEqual([['The clerk, under the standing orders.', 'a deleted member', true]]);
    expect(theirs?.comments.map((c) => [c.body, c.author.displayName])).toEqual([['See also the code of conduct.', 'a deleted member']]);
    // Their vote still counts, and nothing else about the question moved.
    expect(theirs).toMatchObject({ score: before?.score, answerCount: before?.answerCount });
    expect(theirs?.score).toBe(1);

    // Other people's notifications no longer name them.
    const bell = await t.gql<{ me: { notifications: { message: string }[] } }>('{ me { notifications(first: 20) { message } } }', {}, other);
    expect(bell.data?.me.notifications.map((n) => n.message).sort()).toEqual([
      'a deleted member answered your question “Who signs off a parish blog post?”',
      'a deleted member commented on your question “Who signs off a parish blog post?”',
    ]);

    // The old session is gone, and the old email and password no longer sign in.
    expect((await t.gql(ME, {}, member)).data?.me).toBeNull();
    expect(errorOf(await t.gql(DELETE_ME, { password: PASSWORD }, member)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(SIGN_IN, { input: { email: member.email, password: PASSWORD } })).code).toBe('UNAUTHENTICATED');
    const [row] = (await t.db.query('SELECT email, role, erased_at FROM users WHERE id = $1', [member.id])) as { email: string; role: string; erased_at: Date | null }[];
    expect(row.email).toBe(`erased-${member.id}@invalid`);
    expect(row.role).toBe('MEMBER');
    expect(row.erased_at).toBeInstanceOf(Date);
    // The address is free again, for a new account that is nobody's old one.
    const again = await t.gql<{ signUp: { user: { id: string } } }>('mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
      input: { email: member.email, displayName: 'Someone new', password: PASSWORD },
    });
    expect(again.data?.signUp.user.id).not.toBe(member.id);
  });

  it('removes their posts as well when asked, leaving tombstones', async () => {
    const member = await uniqueMember(t);
    const traces = await leaveFootprints(member);
    const othersQuestionId = (await t.db.query('SELECT question_id AS id FROM answers WHERE id = $1', [traces.answerId]))[0].id as string;
    const answersBefore = (await t.gql<QuestionView>(QUESTION, { id: othersQuestionId })).data?.question?.answerCount ?? 0;

    const result = await t.gql<{ deleteMyAccount: boolean }>(DELETE_ME, { password: PASSWORD, removePosts: true }, member);
    expect(result.data?.deleteMyAccount).toBe(true);

    for (const [table, id] of [['questions', traces.questionId], ['answers', traces.answerId], ['comments', traces.commentId]]) {
      const [post] = (await t.db.query(`SELECT deleted_at, deleted_by, removal_reason FROM ${table} WHERE id = $1`, [id])) as { deleted_at: Date | null; deleted_by: string; removal_reason: string }[];
      expect(post.deleted_at).toBeInstanceOf(Date);
      expect(post.deleted_by).toBe(member.id);
      expect(post.removal_reason).toBe("removed with its author's account");
    }
    // Their question leaves the list; the answer no longer counts on the other question.
    const list = await t.gql<{ questions: { edges: { node: { id: string } }[] } }>('{ questions(first: 50) { edges { node { id } } } }');
    expect(list.data?.questions.edges.map((e) => e.node.id)).not.toContain(traces.questionId);
    expect((await t.gql<QuestionView>(QUESTION, { id: othersQuestionId })).data?.question?.answerCount).toBe(answersBefore - 1);
    expect(await rowsMentioning(t, member.email)).toEqual([]);
    expect(await rowsMentioning(t, member.displayName)).toEqual([]);
  });

  it('refuses a wrong password and changes nothing', async () => {
    const member = await uniqueMember(t);
    const error = errorOf(await t.gql(DELETE_ME, { password: 'not my password' }, member));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    await expectSignedIn(member);
    const [row] = (await t.db.query('SELECT display_name, erased_at FROM users WHERE id = $1', [member.id])) as { display_name: string; erased_at: Date | null }[];
    expect(row).toEqual({ display_name: member.displayName, erased_at: null });
  });

  it('lets a site admin erase an account on request, and no one else', async () => {
    const member = await uniqueMember(t);
    const bystander = await signUp(t, 'Bea Bystander');
    const moderator = await signUp(t, 'Mo Moderator');
    await grantRole(t, moderator.id, 'MODERATOR');

    expect(errorOf(await t.gql(ERASE, { userId: member.id })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(DELETE_ME, { password: PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(ERASE, { userId: member.id }, bystander)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(ERASE, { userId: member.id }, moderator)).code).toBe('FORBIDDEN');
    await expectSignedIn(member);
    // Their own account goes through deleteMyAccount, with the password, even for an admin.
    expect(errorOf(await t.gql(ERASE, { userId: admin.id }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(errorOf(await t.gql(ERASE, { userId: '00000000-0000-4000-8000-000000000000' }, admin)).code).toBe('NOT_FOUND');

    const erased = await t.gql<{ eraseAccount: boolean }>(ERASE, { userId: member.id }, admin);
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.eraseAccount).toBe(true);
    expect((await t.gql(ME, {}, member)).data?.me).toBeNull();
    const user = await t.gql<{ user: { displayName: string; isDeleted: boolean } }>('query($id: ID!) { user(id: $id) { displayName isDeleted } }', { id: member.id });
    expect(user.data?.user).toEqual({ displayName: 'a deleted member', isDeleted: true });
    expect(await rowsMentioning(t, member.email)).toEqual([]);
    expect(await rowsMentioning(t, member.displayName)).toEqual([]);
    // On the moderators' record: who erased whom, in words that name no one.
    const log = (await t.db.query(`SELECT actor_id AS "actorId", reason FROM moderation_log WHERE action = 'ERASE' AND subject_id = $1`, [member.id])) as unknown[];
    expect(log).toEqual([{ actorId: admin.id, reason: 'erased by a site admin on request' }]);
    // Erased once is erased.
    expect(errorOf(await t.gql(ERASE, { userId: member.id }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('tells everyone else apart: a live account is not deleted', async () => {
    const user = await t.gql<{ user: { displayName: string; isDeleted: boolean; createdAt: string } }>('query($id: ID!) { user(id: $id) { displayName isDeleted createdAt } }', {
      id: other.id,
    });
    expect(user.data?.user).toMatchObject({ displayName: 'Olu Other', isDeleted: false });
    expect(Date.now() - Date.parse(user.data?.user.createdAt ?? '')).toBeLessThan(10 * 60_000);
  });
});
