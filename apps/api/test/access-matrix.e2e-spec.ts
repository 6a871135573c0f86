import { randomBytes } from 'node:crypto';
import { answerQuestion, askQuestion, type Person } from './forum-fixtures.js';
import { grantOrganisationRole, grantRole, signUp, startTestApp, type GraphQLResponse, type TestApp } from './test-app.js';

/**
 * The authorisation matrix: every mutation and every non-public field, sent over HTTP as
 * each kind of person. The table in docs/ARCHITECTURE.md ("Who may do what") says the same
 * in words. A mutation added to the schema without a row here fails the completeness test.
 *
 * "Allowed" means the permission policy let the call through: the answer is not
 * UNAUTHENTICATED or FORBIDDEN (most rows also expect no error at all; the few that end in
 * an ordinary input error on purpose say so). Refusals must be exactly UNAUTHENTICATED for
 * anonymous visitors and FORBIDDEN for everyone else.
 */

const ACTORS = ['anonymous', 'member', 'owningAuthor', 'otherAuthor', 'orgAdmin', 'moderator', 'siteAdmin'] as const;
type ActorName = (typeof ACTORS)[number];
const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
const POLICY_WRITERS: ActorName[] = ['owningAuthor', 'orgAdmin', 'siteAdmin'];
const MODERATORS: ActorName[] = ['moderator', 'siteAdmin'];
const PASSWORD = 'correct horse battery';
const OWNING = 'county-council';
const OTHER = 'parish-council';

const unique = () => randomBytes(4).toString('hex');
const draftMarkdown = (words: string) => ['# Matrix Policy', '', '## Purpose', '', words, ''].join('\n');

interface Context {
  t: TestApp;
  people: Record<Exclude<ActorName, 'anonymous'>, Person & { email: string }>;
  /** Owns the posts the actors act on: none of the actors. */
  poster: Person & { email: string };
  communityId: string;
  communitySlug: string;
}

interface Row {
  /** The mutation or field this row is about. */
  name: string;
  query: string;
  variables?: (c: Context, actor: ActorName) => Promise<Record<string, unknown>>;
  allowed: readonly ActorName[];
  /** An allowed call that is expected to end in an input error rather than succeed. */
  allowedWithError?: string;
  /** Sign in afresh for this call (for mutations that end the session they are sent with). */
  freshSession?: boolean;
  /** The call ends every session of the actor: sign them in again afterwards, for the rows that follow. */
  endsEverySession?: boolean;
}

// ---- fixtures each row makes for itself, so one row's success cannot change another's outcome

async function gqlData<T>(c: Context, query: string, variables: Record<string, unknown>, as: Person): Promise<T> {
  const result = await c.t.gql<T>(query, variables, as);
  if (!result.data || result.errors) throw new Error(`fixture failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}
const newQuestion = (c: Context) => askQuestion(c.t, c.poster, c.communityId, { title: `A question for the matrix ${unique()}`, body: 'Body text.' });
async function newAnswer(c: Context): Promise<string> {
  const helper = await backdatedPerson(c);
  return answerQuestion(c.t, helper, await newQuestion(c), 'An answer for the matrix.');
}
/** A comment by the poster on a new question: none of the actors wrote it. */
async function newComment(c: Context): Promise<string> {
  const data = await gqlData<{ addComment: { id: string } }>(c, 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: await newQuestion(c), body: 'A comment for the matrix.' } }, c.poster);
  return data.addComment.id;
}
async function backdatedPerson(c: Context): Promise<Person & { email: string }> {
  const person = await signUp(c.t, `Person ${unique()}`);
  // Established accounts: new members' first posts are limited, which is not what this suite is about.
  await c.t.db.query(`UPDATE users SET created_at = now() - interval '30 days' WHERE id = $1`, [person.id]);
  return person;
}
async function newDocument(c: Context, organisation = OWNING): Promise<string> {
  const writer = organisation === OWNING ? c.people.owningAuthor : c.people.otherAuthor;
  const data = await gqlData<{ createPolicyDocument: { id: string } }>(
    c,
    'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
    { input: { organisationSlug: organisation, slug: `matrix-${unique()}`, title: 'Matrix Policy' } },
    writer,
  );
  await gqlData(c, 'mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', {
    input: { documentId: data.createPolicyDocument.id, markdown: draftMarkdown('Why.') },
  }, writer);
  return data.createPolicyDocument.id;
}
async function publishedSource(c: Context): Promise<string> {
  const id = await newDocument(c, OTHER);
  const published = await gqlData<{ publishPolicyVersion: { version: string; document: { slug: string } } }>(
    c,
    'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { version document { slug } } }',
    { input: { documentId: id, bump: 'MAJOR', summaryOfChanges: 'First.', contributors: [] } },
    c.people.otherAuthor,
  );
  return `${published.publishPolicyVersion.document.slug}@${published.publishPolicyVersion.version}`;
}
async function roleRequest(c: Context, requester: Person): Promise<string> {
  await gqlData(c, 'mutation($input: RequestOrganisationRoleInput!) { requestOrganisationRole(input: $input) }', {
    input: { organisationSlug: OWNING, role: 'POLICY_AUTHOR', note: 'I write our policies.' },
  }, requester);
  const data = await gqlData<{ me: { myRoleRequests: { id: string; status: string }[] } }>(c, '{ me { myRoleRequests { id status } } }', {}, requester);
  return data.me.myRoleRequests.find((r) => r.status === 'PENDING')!.id;
}
async function flagged(c: Context): Promise<string> {
  const answerId = await newAnswer(c);
  const flagger = await backdatedPerson(c);
  await gqlData(c, 'mutation($input: FlagPostInput!) { flagPost(input: $input) }', { input: { postId: answerId, reason: 'SPAM' } }, flagger);
  return answerId;
}
async function moderated<T>(c: Context, query: string, variables: Record<string, unknown>): Promise<T> {
  return gqlData<T>(c, query, variables, c.people.siteAdmin);
}

const MUTATIONS: Row[] = [
  // ---- anyone, signed in or not
  { name: 'signUp', query: 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', variables: async () => ({ input: { email: `new-${unique()}@example.org`, displayName: 'New Person', password: PASSWORD } }), allowed: ACTORS },
  { name: 'signIn', query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', variables: async (c) => ({ input: { email: c.poster.email, password: PASSWORD } }), allowed: ACTORS },
  { name: 'requestPasswordReset', query: 'mutation($email: String!) { requestPasswordReset(email: $email) }', variables: async () => ({ email: `nobody-${unique()}@example.org` }), allowed: ACTORS },
  {
    name: 'resetPassword',
    query: 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token } }',
    variables: async () => ({ input: { token: 'not-a-real-token', newPassword: 'another long password' } }),
    allowed: ACTORS,
    allowedWithError: 'BAD_USER_INPUT',
  },

  // ---- any signed-in member
  // Signing out with no session is a harmless no-op, so visitors are not refused.
  { name: 'signOut', query: 'mutation { signOut }', allowed: ACTORS, freshSession: true },
  { name: 'askQuestion', query: 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }', variables: async (c) => ({ input: { communityId: c.communityId, title: `Asked in the matrix ${unique()}`, body: 'Body.', tags: ['matrix'] } }), allowed: SIGNED_IN },
  { name: 'answerQuestion', query: 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }', variables: async (c) => ({ input: { questionId: await newQuestion(c), body: 'An answer.' } }), allowed: SIGNED_IN },
  { name: 'addComment', query: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', variables: async (c) => ({ input: { postId: await newQuestion(c), body: 'A comment.' } }), allowed: SIGNED_IN },
  { name: 'vote', query: 'mutation($input: VoteInput!) { vote(input: $input) }', variables: async (c) => ({ input: { postId: await newQuestion(c), value: 'UP' } }), allowed: SIGNED_IN },
  { name: 'flagPost', query: 'mutation($input: FlagPostInput!) { flagPost(input: $input) }', variables: async (c) => ({ input: { postId: await newQuestion(c), reason: 'OFF_TOPIC' } }), allowed: SIGNED_IN },
  { name: 'follow', query: 'mutation($input: FollowInput!) { follow(input: $input) { kind } }', variables: async (c) => ({ input: { kind: 'QUESTION', targetId: await newQuestion(c) } }), allowed: SIGNED_IN },
  { name: 'unfollow', query: 'mutation($input: FollowInput!) { unfollow(input: $input) }', variables: async (c) => ({ input: { kind: 'QUESTION', targetId: await newQuestion(c) } }), allowed: SIGNED_IN },
  { name: 'joinCommunity', query: 'mutation($id: ID!) { joinCommunity(communityId: $id) { id } }', variables: async (c) => ({ id: c.communityId }), allowed: SIGNED_IN },
  { name: 'leaveCommunity', query: 'mutation($id: ID!) { leaveCommunity(communityId: $id) { id } }', variables: async (c) => ({ id: c.communityId }), allowed: SIGNED_IN },
  { name: 'markNotificationsRead', query: 'mutation { markNotificationsRead }', allowed: SIGNED_IN },
  { name: 'setAffiliations', query: 'mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { id } }', variables: async () => ({ input: [{ organisationSlug: OTHER, role: 'parish councillor' }] }), allowed: SIGNED_IN },
  {
    name: 'updateNotificationSettings',
    query: 'mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { digestFrequency } }',
    variables: async () => ({ input: { digestFrequency: 'WEEKLY', digestHour: 8, digestWeekday: 1, timeZone: 'Europe/London' } }),
    allowed: SIGNED_IN,
  },
  { name: 'sendEmailConfirmation', query: 'mutation { sendEmailConfirmation }', allowed: SIGNED_IN, allowedWithError: 'any' },
  { name: 'sendMyDigestNow', query: 'mutation { sendMyDigestNow }', allowed: SIGNED_IN, allowedWithError: 'any' },
  {
    name: 'requestOrganisationRole',
    query: 'mutation($input: RequestOrganisationRoleInput!) { requestOrganisationRole(input: $input) }',
    variables: async (c, actor) => {
      // A role none of them holds, at an organisation where each may ask once.
      const slug = `matrix-org-${actor.toLowerCase()}-${unique()}`;
      await c.t.db.query('INSERT INTO organisations (slug, name) VALUES ($1, $2)', [slug, `Matrix ${actor}`]);
      return { input: { organisationSlug: slug, role: 'MEMBER', note: 'Please.' } };
    },
    allowed: SIGNED_IN,
  },
  { name: 'signOutEverywhere', query: 'mutation { signOutEverywhere }', allowed: SIGNED_IN, freshSession: true, endsEverySession: true },
  {
    name: 'changePassword',
    query: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
    // A wrong current password: the policy let the call through, and the actors keep their passwords for the rows that follow.
    variables: async () => ({ input: { currentPassword: 'not my password at all', newPassword: 'a brand new passphrase' } }),
    allowed: SIGNED_IN,
    allowedWithError: 'BAD_USER_INPUT',
  },
  { name: 'deleteMyAccount', query: 'mutation($password: String!) { deleteMyAccount(password: $password) }', variables: async () => ({ password: 'not my password at all' }), allowed: SIGNED_IN, allowedWithError: 'BAD_USER_INPUT' },

  // ---- only the person a thing belongs to (none of the actors here)
  { name: 'withdrawOrganisationRoleRequest', query: 'mutation($id: ID!) { withdrawOrganisationRoleRequest(requestId: $id) }', variables: async (c) => ({ id: await roleRequest(c, await backdatedPerson(c)) }), allowed: [] },
  {
    name: 'acceptAnswer',
    query: 'mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }',
    variables: async (c) => ({ id: await newAnswer(c) }),
    allowed: [],
  },
  {
    // Only the asker (the poster, none of the actors) may take an acceptance back.
    name: 'unacceptAnswer',
    query: 'mutation($id: ID!) { unacceptAnswer(answerId: $id) { id } }',
    variables: async (c) => {
      const answerId = await newAnswer(c);
      await gqlData(c, 'mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: answerId }, c.poster);
      return { id: answerId };
    },
    allowed: [],
  },

  // ---- the post's author or the community's moderators
  { name: 'editQuestion', query: 'mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }', variables: async (c) => ({ input: { questionId: await newQuestion(c), body: `Edited ${unique()}` } }), allowed: MODERATORS },
  { name: 'editAnswer', query: 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }', variables: async (c) => ({ input: { answerId: await newAnswer(c), body: `Edited ${unique()}` } }), allowed: MODERATORS },
  { name: 'deletePost', query: 'mutation($input: ModeratePostInput!) { deletePost(input: $input) }', variables: async (c) => ({ input: { postId: await newAnswer(c), reason: 'Spam.' } }), allowed: MODERATORS },
  { name: 'editComment', query: 'mutation($input: EditCommentInput!) { editComment(input: $input) { id } }', variables: async (c) => ({ input: { commentId: await newComment(c), body: `Edited ${unique()}` } }), allowed: MODERATORS },
  {
    name: 'refreshCitations',
    query: 'mutation($id: ID!) { refreshCitations(answerId: $id) { id } }',
    variables: async (c) => ({ id: await newAnswer(c) }),
    allowed: MODERATORS,
    allowedWithError: 'BAD_USER_INPUT', // nothing to move: the answer cites nothing
  },
  {
    name: 'updateCitationToLatest',
    query: 'mutation($id: ID!, $reference: String!) { updateCitationToLatest(answerId: $id, reference: $reference) { id } }',
    variables: async (c) => ({ id: await newAnswer(c), reference: 'policy:social-media-policy@1.0#scope' }),
    allowed: MODERATORS,
    allowedWithError: 'BAD_USER_INPUT',
  },

  // ---- moderators of the community (and site staff)
  { name: 'hidePost', query: 'mutation($input: ModeratePostInput!) { hidePost(input: $input) }', variables: async (c) => ({ input: { postId: await newAnswer(c), reason: 'Abusive.' } }), allowed: MODERATORS },
  {
    name: 'restorePost',
    query: 'mutation($id: ID!) { restorePost(postId: $id) }',
    variables: async (c) => {
      const postId = await newAnswer(c);
      await moderated(c, 'mutation($input: ModeratePostInput!) { hidePost(input: $input) }', { input: { postId, reason: 'Checking.' } });
      return { id: postId };
    },
    allowed: MODERATORS,
  },
  { name: 'resolveFlags', query: 'mutation($input: ResolveFlagsInput!) { resolveFlags(input: $input) }', variables: async (c) => ({ input: { postId: await flagged(c), outcome: 'DISMISS', reason: 'Fine.' } }), allowed: MODERATORS },
  { name: 'closeQuestion', query: 'mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id } }', variables: async (c) => ({ input: { questionId: await newQuestion(c), reason: 'OFF_TOPIC' } }), allowed: MODERATORS },
  {
    name: 'reopenQuestion',
    query: 'mutation($id: ID!) { reopenQuestion(questionId: $id) { id } }',
    variables: async (c) => {
      const questionId = await newQuestion(c);
      await moderated(c, 'mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id } }', { input: { questionId, reason: 'NEEDS_DETAILS' } });
      return { id: questionId };
    },
    allowed: MODERATORS,
  },
  { name: 'lockQuestion', query: 'mutation($input: ModeratePostInput!) { lockQuestion(input: $input) { id } }', variables: async (c) => ({ input: { postId: await newQuestion(c), reason: 'Heated.' } }), allowed: MODERATORS },
  {
    name: 'unlockQuestion',
    query: 'mutation($id: ID!) { unlockQuestion(questionId: $id) { id } }',
    variables: async (c) => {
      const questionId = await newQuestion(c);
      await moderated(c, 'mutation($input: ModeratePostInput!) { lockQuestion(input: $input) { id } }', { input: { postId: questionId, reason: 'Heated.' } });
      return { id: questionId };
    },
    allowed: MODERATORS,
  },

  // ---- site staff (site moderators and admins); the community moderator is not site staff
  { name: 'suspendMember', query: 'mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { id } }', variables: async (c) => ({ input: { userId: (await backdatedPerson(c)).id, days: 3, reason: 'Spam.' } }), allowed: ['siteAdmin'] },
  {
    name: 'unsuspendMember',
    query: 'mutation($id: ID!) { unsuspendMember(userId: $id) { id } }',
    variables: async (c) => {
      const person = await backdatedPerson(c);
      await moderated(c, 'mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { id } }', { input: { userId: person.id, days: 3, reason: 'Spam.' } });
      return { id: person.id };
    },
    allowed: ['siteAdmin'],
  },
  { name: 'createCommunity', query: 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', variables: async () => ({ input: { slug: `matrix-${unique()}`, title: 'Matrix community', description: 'For the matrix.' } }), allowed: ['siteAdmin'] },

  // ---- site admins
  { name: 'createOrganisation', query: 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', variables: async () => ({ input: { slug: `matrix-${unique()}`, name: 'Matrix Council' } }), allowed: ['siteAdmin'] },
  {
    name: 'appointCommunityModerator',
    query: 'mutation($input: CommunityModeratorInput!) { appointCommunityModerator(input: $input) { id } }',
    variables: async (c) => ({ input: { communityId: c.communityId, userId: (await backdatedPerson(c)).id } }),
    allowed: ['siteAdmin'],
  },
  {
    name: 'removeCommunityModerator',
    query: 'mutation($input: CommunityModeratorInput!) { removeCommunityModerator(input: $input) { id } }',
    variables: async (c) => {
      const input = { communityId: c.communityId, userId: (await backdatedPerson(c)).id };
      await moderated(c, 'mutation($input: CommunityModeratorInput!) { appointCommunityModerator(input: $input) { id } }', { input });
      return { input };
    },
    allowed: ['siteAdmin'],
  },
  { name: 'eraseAccount', query: 'mutation($id: ID!) { eraseAccount(userId: $id) }', variables: async (c) => ({ id: (await backdatedPerson(c)).id }), allowed: ['siteAdmin'] },

  // ---- the owning organisation's admins (and site admins)
  { name: 'decideOrganisationRoleRequest', query: 'mutation($input: DecideOrganisationRoleRequestInput!) { decideOrganisationRoleRequest(input: $input) { id } }', variables: async (c) => ({ input: { requestId: await roleRequest(c, await backdatedPerson(c)), approve: false, note: 'Not now.' } }), allowed: ['orgAdmin', 'siteAdmin'] },
  {
    name: 'setOrganisationRole',
    query: 'mutation($input: SetOrganisationRoleInput!) { setOrganisationRole(input: $input) { id } }',
    variables: async (c) => ({ input: { organisationSlug: OWNING, userId: (await backdatedPerson(c)).id, role: 'MEMBER', reason: 'Joined.' } }),
    allowed: ['orgAdmin', 'siteAdmin'],
  },

  // ---- the owning organisation's policy authors and admins (and site admins)
  { name: 'createPolicyDocument', query: 'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }', variables: async () => ({ input: { organisationSlug: OWNING, slug: `matrix-${unique()}`, title: 'Matrix Policy' } }), allowed: POLICY_WRITERS },
  { name: 'savePolicyDraft', query: 'mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', variables: async (c) => ({ input: { documentId: await newDocument(c), markdown: draftMarkdown(`Edited ${unique()}.`) } }), allowed: POLICY_WRITERS },
  {
    name: 'publishPolicyVersion',
    query: 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }',
    variables: async (c) => ({ input: { documentId: await newDocument(c), bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [] } }),
    allowed: POLICY_WRITERS,
  },
  {
    name: 'adaptPolicyDocument',
    query: 'mutation($input: AdaptPolicyDocumentInput!) { adaptPolicyDocument(input: $input) { id } }',
    variables: async (c) => ({ input: { organisationSlug: OWNING, slug: `matrix-${unique()}`, title: 'Adapted', source: await publishedSource(c) } }),
    allowed: POLICY_WRITERS,
  },
];

/** Fields that only some people may read: "shown" or not, per person. */
interface FieldRow {
  name: string;
  query: string;
  variables?: (c: Context) => Promise<Record<string, unknown>>;
  allowed: readonly ActorName[];
  /** Whether the answer shows the protected value (refusals may be an error or a null). */
  shown: (result: GraphQLResponse<Record<string, unknown>>) => boolean;
}

const dig = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

const FIELDS: FieldRow[] = [
  { name: 'Query.me', query: '{ me { email } }', allowed: SIGNED_IN, shown: (r) => typeof dig(r.data, 'me', 'email') === 'string' },
  {
    name: 'Organisation.pendingRoleRequests',
    query: 'query($slug: String!) { organisation(slug: $slug) { pendingRoleRequests { id } } }',
    variables: async () => ({ slug: OWNING }),
    allowed: ['orgAdmin', 'siteAdmin'],
    shown: (r) => Array.isArray(dig(r.data, 'organisation', 'pendingRoleRequests')),
  },
  {
    name: 'Organisation.roleChanges',
    query: 'query($slug: String!) { organisation(slug: $slug) { roleChanges { id } } }',
    variables: async () => ({ slug: OWNING }),
    allowed: ['orgAdmin', 'siteAdmin'],
    shown: (r) => Array.isArray(dig(r.data, 'organisation', 'roleChanges')),
  },
  {
    name: 'PolicyDocument.draft',
    query: 'query($slug: String!) { policyDocument(slug: $slug) { draft { markdown } } }',
    variables: async (c) => {
      const id = await newDocument(c);
      const [row] = (await c.t.db.query('SELECT slug FROM policy_documents WHERE id = $1', [id])) as { slug: string }[];
      return { slug: row.slug };
    },
    allowed: POLICY_WRITERS,
    shown: (r) => typeof dig(r.data, 'policyDocument', 'draft', 'markdown') === 'string',
  },
  {
    name: 'Query.moderationQueue (community)',
    query: 'query($slug: String) { moderationQueue(communitySlug: $slug) { postId flags { flagger { id } } } }',
    variables: async (c) => ({ slug: c.communitySlug }),
    allowed: MODERATORS,
    shown: (r) => Array.isArray(dig(r.data, 'moderationQueue')),
  },
  { name: 'Query.moderationQueue (site-wide)', query: '{ moderationQueue { postId } }', allowed: ['siteAdmin'], shown: (r) => Array.isArray(dig(r.data, 'moderationQueue')) },
  {
    name: 'Query.moderationLog (community)',
    query: 'query($slug: String) { moderationLog(communitySlug: $slug) { entries { id } } }',
    variables: async (c) => ({ slug: c.communitySlug }),
    allowed: MODERATORS,
    shown: (r) => Array.isArray(dig(r.data, 'moderationLog', 'entries')),
  },
  { name: 'Query.moderationLog (site-wide)', query: '{ moderationLog { entries { id } } }', allowed: ['siteAdmin'], shown: (r) => Array.isArray(dig(r.data, 'moderationLog', 'entries')) },
  {
    name: 'User.suspendedUntil',
    query: 'query($id: ID!) { user(id: $id) { suspendedUntil } }',
    variables: async (c) => {
      const person = await backdatedPerson(c);
      await moderated(c, 'mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { id } }', { input: { userId: person.id, days: 3, reason: 'Spam.' } });
      return { id: person.id };
    },
    allowed: MODERATORS,
    shown: (r) => typeof dig(r.data, 'user', 'suspendedUntil') === 'string',
  },
  {
    name: 'Answer.body of a hidden answer',
    query: 'query($id: ID!) { question(id: $id) { answers { body moderation { visibility removalReason } } } }',
    variables: async (c) => {
      const answerId = await newAnswer(c);
      await moderated(c, 'mutation($input: ModeratePostInput!) { hidePost(input: $input) }', { input: { postId: answerId, reason: 'Checking a complaint.' } });
      const [row] = (await c.t.db.query('SELECT question_id FROM answers WHERE id = $1', [answerId])) as { question_id: string }[];
      return { id: row.question_id };
    },
    allowed: MODERATORS,
    shown: (r) => {
      const answers = dig(r.data, 'question', 'answers') as { body: string; moderation: { removalReason: string | null } }[] | undefined;
      return !!answers?.[0] && answers[0].body === 'An answer for the matrix.' && answers[0].moderation.removalReason !== null;
    },
  },
];

describe('the authorisation matrix', () => {
  let c: Context;
  const tokens = {} as Record<ActorName, string | undefined>;

  beforeAll(async () => {
    const t = await startTestApp();
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Shireford County Council'), ($2, 'Little Ashby Parish Council') ON CONFLICT DO NOTHING`, [OWNING, OTHER]);
    const make = async (name: string) => {
      const person = await signUp(t, name);
      await t.db.query(`UPDATE users SET created_at = now() - interval '30 days' WHERE id = $1`, [person.id]);
      return person;
    };
    const people = {
      member: await make('Member'),
      owningAuthor: await make('Owning Author'),
      otherAuthor: await make('Other Author'),
      orgAdmin: await make('Org Admin'),
      moderator: await make('Community Moderator'),
      siteAdmin: await make('Site Admin'),
    };
    await grantOrganisationRole(t, people.owningAuthor.id, OWNING, 'POLICY_AUTHOR');
    await grantOrganisationRole(t, people.otherAuthor.id, OTHER, 'POLICY_AUTHOR');
    await grantOrganisationRole(t, people.orgAdmin.id, OWNING, 'ORG_ADMIN');
    await grantRole(t, people.siteAdmin.id, 'ADMIN');
    const communitySlug = `matrix-${unique()}`;
    const created = await t.gql<{ createCommunity: { id: string } }>(
      'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
      { input: { slug: communitySlug, title: 'Matrix community', description: 'Where the matrix asks.' } },
      people.siteAdmin,
    );
    const communityId = created.data!.createCommunity.id;
    await t.gql('mutation($input: CommunityModeratorInput!) { appointCommunityModerator(input: $input) { id } }', { input: { communityId, userId: people.moderator.id } }, people.siteAdmin);
    c = { t, people, poster: await make('Poster'), communityId, communitySlug };
    for (const actor of SIGNED_IN) tokens[actor] = people[actor as Exclude<ActorName, 'anonymous'>].token;
  });
  afterAll(() => c.t.close());

  it('has a row for every mutation in the schema', async () => {
    const result = await c.t.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>('{ __schema { mutationType { fields { name } } } }');
    const inSchema = result.data!.__schema.mutationType.fields.map((f) => f.name).sort();
    expect(MUTATIONS.map((row) => row.name).sort()).toEqual(inSchema);
  });

  const freshToken = async (actor: ActorName): Promise<string | undefined> => {
    if (actor === 'anonymous') return undefined;
    const person = c.people[actor];
    const signedIn = await c.t.gql<{ signIn: { token: string } }>('mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email: person.email, password: PASSWORD } });
    return signedIn.data!.signIn.token;
  };

  describe.each(MUTATIONS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    it.each(ACTORS.map((actor) => [actor, row.allowed.includes(actor)] as const))('as %s: allowed %s', async (actor, allowed) => {
      const variables = row.variables ? await row.variables(c, actor) : {};
      const token = row.freshSession ? await freshToken(actor) : tokens[actor];
      const result = await c.t.gql(row.query, variables, { token });
      if (row.endsEverySession && actor !== 'anonymous') {
        tokens[actor] = await freshToken(actor);
        c.people[actor].token = tokens[actor] as string;
      }
      const code = result.errors?.[0]?.extensions?.code;
      if (allowed) {
        expect({ code, message: result.errors?.[0]?.message }).not.toMatchObject({ code: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/) });
        if (!row.allowedWithError) expect(result.errors).toBeUndefined();
        else if (row.allowedWithError !== 'any') expect(code).toBe(row.allowedWithError);
      } else {
        expect(code).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    });
  });

  describe.each(FIELDS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    it.each(ACTORS.map((actor) => [actor, row.allowed.includes(actor)] as const))('as %s: shown %s', async (actor, allowed) => {
      const variables = row.variables ? await row.variables(c) : {};
      const result = await c.t.gql<Record<string, unknown>>(row.query, variables, { token: tokens[actor] });
      expect(row.shown(result)).toBe(allowed);
      if (!allowed && result.errors) expect(result.errors[0].extensions?.code).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    });
  });
});
