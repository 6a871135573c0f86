import { errorOf, grantRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const CREATE = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id slug title memberCount viewerIsMember } }';
const JOIN = 'mutation($id: ID!) { joinCommunity(communityId: $id) { memberCount viewerIsMember } }';
const LEAVE = 'mutation($id: ID!) { leaveCommunity(communityId: $id) { memberCount viewerIsMember } }';

describe('communities', () => {
  let t: TestApp;
  let moderator: { token: string; id: string };
  let member: { token: string; id: string };
  let communityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signUp(t, 'Moderator');
    await grantRole(t, moderator.id, 'MODERATOR');
    member = await signUp(t, 'Member');
  });
  afterAll(() => t.close());

  it('lets a moderator create a community, who becomes its first member', async () => {
    const input = { slug: 'social-media-in-local-government', title: 'Social Media in Local Government', description: 'Policies and practice.' };
    const result = await t.gql<{ createCommunity: { id: string; memberCount: number; viewerIsMember: boolean } }>(CREATE, { input }, moderator);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCommunity).toMatchObject({ memberCount: 1, viewerIsMember: true });
    communityId = result.data!.createCommunity.id;
    const listed = await t.gql<{ communities: { slug: string }[]; community: { title: string } }>(
      '{ communities { slug } community(slug: "social-media-in-local-government") { title } }',
    );
    expect(listed.data?.communities.map((c) => c.slug)).toEqual(['social-media-in-local-government']);
    expect(listed.data?.community.title).toBe('Social Media in Local Government');
  });

  it('refuses members, signed-out visitors, bad slugs and taken slugs', async () => {
    const input = { slug: 'school-governors', title: 'School Governors', description: '' };
    expect(errorOf(await t.gql(CREATE, { input }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE, { input })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(CREATE, { input: { ...input, slug: 'Has Spaces' } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await t.gql(CREATE, { input: { ...input, title: '' } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(errorOf(await t.gql(CREATE, { input: { ...input, slug: 'social-media-in-local-government' } }, moderator))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'slug',
    });
    const count = await t.gql<{ communities: unknown[] }>('{ communities { id } }');
    expect(count.data?.communities).toHaveLength(1);
  });

  it('joins and leaves, idempotently, updating the member count', async () => {
    expect((await t.gql(JOIN, { id: communityId }, member)).data).toEqual({ joinCommunity: { memberCount: 2, viewerIsMember: true } });
    expect((await t.gql(JOIN, { id: communityId }, member)).data).toEqual({ joinCommunity: { memberCount: 2, viewerIsMember: true } });
    expect((await t.gql(LEAVE, { id: communityId }, member)).data).toEqual({ leaveCommunity: { memberCount: 1, viewerIsMember: false } });
    expect(errorOf(await t.gql(JOIN, { id: communityId })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(JOIN, { id: '00000000-0000-4000-8000-000000000000' }, member)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(LEAVE, { id: 'not-an-id' }, member)).code).toBe('NOT_FOUND');
  });

  it('follows a community on joining, and stops on leaving, so joining visibly does something', async () => {
    const FOLLOWS = '{ me { follows { kind targetId } } }';
    const follows = async () => ((await t.gql<{ me: { follows: { kind: string; targetId: string }[] } }>(FOLLOWS, {}, member)).data?.me.follows ?? []).filter((f) => f.kind === 'COMMUNITY');
    await t.gql(JOIN, { id: communityId }, member);
    expect(await follows()).toEqual([{ kind: 'COMMUNITY', targetId: communityId }]);
    // A member may choose quiet: joining again does not follow again.
    await t.gql('mutation($input: FollowInput!) { unfollow(input: $input) }', { input: { kind: 'COMMUNITY', targetId: communityId } }, member);
    await t.gql(JOIN, { id: communityId }, member);
    expect(await follows()).toEqual([]);
    await t.gql('mutation($input: FollowInput!) { follow(input: $input) { kind } }', { input: { kind: 'COMMUNITY', targetId: communityId } }, member);
    await t.gql(LEAVE, { id: communityId }, member);
    expect(await follows()).toEqual([]);
  });

  it('answers null for an unknown slug, and finds it once it is taken', async () => {
    expect((await t.gql('{ community(slug: "later") { id } }')).data).toEqual({ community: null });
    const input = { slug: 'later', title: 'Later', description: 'Made after it was asked for.' };
    expect((await t.gql(CREATE, { input }, moderator)).errors).toBeUndefined();
    expect((await t.gql<{ community: { title: string } }>('{ community(slug: "later") { title } }')).data?.community.title).toBe('Later');
  });

  it('reads a community it has read before from memory: its row never changes', async () => {
    const list = `query($slug: String) { questions(filter: { communitySlug: $slug }) { edges { node { community { slug title } } } } }`;
    await t.gql(
      'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { communityId, title: 'Is the community read once?', body: 'Asking for the statement count.', tags: ['memory'] } },
      moderator,
    );
    const statementsOf = async (query: string, variables: Record<string, unknown>) => {
      const before = t.statements();
      const result = await t.gql<{ questions: { edges: { node: { community: { slug: string; title: string } } }[] } }>(query, variables);
      expect(result.errors).toBeUndefined();
      expect(result.data?.questions.edges[0]?.node.community).toEqual({ slug: 'social-media-in-local-government', title: 'Social Media in Local Government' });
      return t.statements() - before;
    };
    // The list of the whole forum, then of the community by its slug: one statement each, the
    // page itself (its count is a subquery), since asking read the community by id.
    expect(await statementsOf(list, { slug: null })).toBe(1);
    expect(await statementsOf(list, { slug: 'social-media-in-local-government' })).toBe(1);
  });
});
