import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { confirmEmails } from './confirm-emails.js';

const FOLLOW = 'mutation($input: FollowInput!) { follow(input: $input) { kind targetId label } }';
const UNFOLLOW = 'mutation($input: FollowInput!) { unfollow(input: $input) }';
const SETTINGS = 'mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { digestFrequency digestWeekday digestHour timeZone autoWatch } }';
const ME = `{ me { follows { kind targetId label } notificationSettings { digestFrequency digestWeekday digestHour timeZone autoWatch }
  notifications { id kind message url read } unreadNotificationCount } }`;

interface MeResult {
  me: {
    follows: { kind: string; targetId: string; label: string }[];
    notificationSettings: { digestFrequency: string; digestWeekday: number | null; digestHour: number; timeZone: string; autoWatch: boolean };
    notifications: { id: string; kind: string; message: string; url: string; read: boolean }[];
    unreadNotificationCount: number;
  };
}

describe('subscriptions and notifications', () => {
  let t: TestApp;
  let communityId: string;
  let dana: Person;
  let eli: Person;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://forum.example.org' });
    ({ communityId } = await createCommunity(t, 'social-media'));
    dana = await signUp(t, 'Dana');
    eli = await signUp(t, 'Eli');
  });
  afterAll(() => t.close());

  it('has sensible defaults before anyone changes anything', async () => {
    const me = await t.gql<MeResult>(ME, {}, dana);
    expect(me.data?.me.notificationSettings).toEqual({ digestFrequency: 'DAILY', digestWeekday: null, digestHour: 8, timeZone: 'Europe/London', autoWatch: true });
    expect(me.data?.me.follows).toEqual([]);
    expect(me.data?.me.unreadNotificationCount).toBe(0);
  });

  it('records demo accounts as confirmed for digests', async () => {
    const demo = await signUp(t, 'Demo');
    const confirmedAt = async () =>
      (await t.gql<{ me: { notificationSettings: { emailConfirmedAt: string | null } } }>('{ me { notificationSettings { emailConfirmedAt } } }', {}, demo)).data?.me
        .notificationSettings.emailConfirmedAt;
    expect(await confirmedAt()).toBeNull();
    await confirmEmails(t.db, [demo.id]);
    const first = await confirmedAt();
    expect(first).not.toBeNull();
    await confirmEmails(t.db, [demo.id]);
    expect(await confirmedAt()).toBe(first);
  });

  it('follows and unfollows communities, tags and questions, by id or slug', async () => {
    const community = await t.gql<{ follow: { targetId: string; label: string } }>(FOLLOW, { input: { kind: 'COMMUNITY', targetId: 'social-media' } }, dana);
    expect(community.data?.follow).toEqual({ kind: 'COMMUNITY', targetId: communityId, label: 'Community social-media' });
    const questionId = await askQuestion(t, eli, communityId, { tags: ['parish-councils'] });
    expect((await t.gql(FOLLOW, { input: { kind: 'TAG', targetId: 'parish-councils' } }, dana)).errors).toBeUndefined();
    expect((await t.gql(FOLLOW, { input: { kind: 'QUESTION', targetId: questionId } }, dana)).errors).toBeUndefined();
    expect((await t.gql(FOLLOW, { input: { kind: 'QUESTION', targetId: questionId } }, dana)).errors).toBeUndefined();
    const me = await t.gql<MeResult>(ME, {}, dana);
    expect(me.data?.me.follows.map((f) => [f.kind, f.label])).toEqual([
      ['COMMUNITY', 'Community social-media'],
      ['TAG', 'parish-councils'],
      ['QUESTION', 'Can an officer also be a parish councillor?'],
    ]);
    expect((await t.gql<{ unfollow: boolean }>(UNFOLLOW, { input: { kind: 'TAG', targetId: 'parish-councils' } }, dana)).data?.unfollow).toBe(true);
    expect((await t.gql<{ unfollow: boolean }>(UNFOLLOW, { input: { kind: 'TAG', targetId: 'parish-councils' } }, dana)).data?.unfollow).toBe(false);
    expect((await t.gql<MeResult>(ME, {}, dana)).data?.me.follows).toHaveLength(2);
  });

  it('refuses unknown targets with NOT_FOUND on targetId, and signed-out callers', async () => {
    for (const input of [
      { kind: 'COMMUNITY', targetId: 'no-such-community' },
      { kind: 'QUESTION', targetId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'QUESTION', targetId: 'not-an-id' },
    ]) {
      expect(errorOf(await t.gql(FOLLOW, { input }, dana))).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' });
    }
    expect(errorOf(await t.gql(FOLLOW, { input: { kind: 'COMMUNITY', targetId: communityId } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(SETTINGS, { input: { digestFrequency: 'DAILY', digestHour: 8, timeZone: 'UTC' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql('mutation { markNotificationsRead }')).code).toBe('UNAUTHENTICATED');
  });

  it('updates settings and names the field of a bad time zone, hour or weekday', async () => {
    const ok = await t.gql<{ updateNotificationSettings: unknown }>(
      SETTINGS,
      { input: { digestFrequency: 'WEEKLY', digestWeekday: 5, digestHour: 7, timeZone: 'America/New_York', autoWatch: false } },
      dana,
    );
    expect(ok.data?.updateNotificationSettings).toEqual({ digestFrequency: 'WEEKLY', digestWeekday: 5, digestHour: 7, timeZone: 'America/New_York', autoWatch: false });
    const cases: [Record<string, unknown>, string][] = [
      [{ digestFrequency: 'DAILY', digestHour: 8, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ digestFrequency: 'DAILY', digestHour: 8, timeZone: 'not a zone' }, 'timeZone'],
      [{ digestFrequency: 'DAILY', digestHour: 24, timeZone: 'Europe/London' }, 'digestHour'],
      [{ digestFrequency: 'DAILY', digestHour: -1, timeZone: 'Europe/London' }, 'digestHour'],
      [{ digestFrequency: 'WEEKLY', digestHour: 8, timeZone: 'Europe/London' }, 'digestWeekday'],
      [{ digestFrequency: 'WEEKLY', digestWeekday: 8, digestHour: 8, timeZone: 'Europe/London' }, 'digestWeekday'],
    ];
    for (const [input, field] of cases) expect(errorOf(await t.gql(SETTINGS, { input }, dana))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await t.gql<MeResult>(ME, {}, dana)).data?.me.notificationSettings.timeZone).toBe('America/New_York');
  });

  it('watches what people ask or answer, unless autoWatch is off', async () => {
    const questionId = await askQuestion(t, eli, communityId, { title: 'Does the code of conduct cover blogs?' });
    await answerQuestion(t, dana, questionId);
    const frank = await signUp(t, 'Frank');
    await answerQuestion(t, frank, questionId);
    const follows = async (p: Person) => ((await t.gql<MeResult>(ME, {}, p)).data?.me.follows ?? []).filter((f) => f.targetId === questionId);
    expect(await follows(eli)).toHaveLength(1);
    expect(await follows(frank)).toHaveLength(1);
    // Dana turned autoWatch off above.
    expect(await follows(dana)).toHaveLength(0);
  });

  it('notifies in-app about answers, acceptances and comments, and marks them read', async () => {
    const asker = await signUp(t, 'Gita');
    const answerer = await signUp(t, 'Hal');
    const questionId = await askQuestion(t, asker, communityId, { title: 'Who approves outside interests?' });
    const answerId = await answerQuestion(t, answerer, questionId);
    await t.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: answerId, body: 'Which section?' } }, asker);
    await t.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: questionId, body: 'Good question.' } }, answerer);
    await t.gql('mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: answerId }, asker);
    // Your own comment on your own post is not news.
    await t.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: questionId, body: 'Thanks all.' } }, asker);

    const askerMe = (await t.gql<MeResult>(ME, {}, asker)).data!.me;
    expect(askerMe.unreadNotificationCount).toBe(2);
    expect(askerMe.notifications.map((n) => [n.kind, n.message])).toEqual([
      ['NEW_COMMENT', 'Hal commented on your question “Who approves outside interests?”'],
      ['NEW_ANSWER', 'Hal answered your question “Who approves outside interests?”'],
    ]);
    expect(askerMe.notifications[1].url).toBe(`https://forum.example.org/q/${questionId}#a-${answerId}`);
    const answererMe = (await t.gql<MeResult>(ME, {}, answerer)).data!.me;
    expect(answererMe.notifications.map((n) => n.kind)).toEqual(['ANSWER_ACCEPTED', 'NEW_COMMENT']);

    const one = await t.gql<{ markNotificationsRead: number }>('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [askerMe.notifications[0].id] }, asker);
    expect(one.data?.markNotificationsRead).toBe(1);
    const unread = await t.gql<MeResult>('{ me { notifications(unreadOnly: true) { kind read } unreadNotificationCount } }', {}, asker);
    expect(unread.data?.me).toEqual({ notifications: [{ kind: 'NEW_ANSWER', read: false }], unreadNotificationCount: 1 });
    // Someone else's ids change nothing.
    expect((await t.gql<{ markNotificationsRead: number }>('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [answererMe.notifications[0].id] }, asker)).data?.markNotificationsRead).toBe(0);
    expect((await t.gql<{ markNotificationsRead: number }>('mutation { markNotificationsRead }', {}, asker)).data?.markNotificationsRead).toBe(1);
    expect((await t.gql<MeResult>(ME, {}, asker)).data?.me.unreadNotificationCount).toBe(0);
  });
});
