import { createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, grantRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const CREATE_ORGANISATION = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id slug name } }';
const REQUEST = 'mutation($input: RequestOrganisationRoleInput!) { requestOrganisationRole(input: $input) }';
const DECIDE = `mutation($input: DecideOrganisationRoleRequestInput!) { decideOrganisationRoleRequest(input: $input) {
  id role status note decisionNote decidedAt decidedBy { id } user { id } organisation { slug }
} }`;
const WITHDRAW = 'mutation($id: ID!) { withdrawOrganisationRoleRequest(requestId: $id) }';
const SET_ROLE = 'mutation($input: SetOrganisationRoleInput!) { setOrganisationRole(input: $input) { slug members { role user { id } } } }';
const ORGANISATION = `query($slug: String!) { organisation(slug: $slug) {
  slug name viewerRole viewerCanManage viewerPendingRequest { id role note status }
  members { role grantedAt user { id displayName } }
} }`;
const PENDING = 'query($slug: String!) { organisation(slug: $slug) { pendingRoleRequests { id role note status user { id } organisation { slug } } } }';
const CHANGES = 'query($slug: String!, $first: Int) { organisation(slug: $slug) { roleChanges(first: $first) { fromRole toRole reason user { id } actor { id } } } }';
const MY_REQUESTS = '{ me { myRoleRequests { id role status decisionNote decidedBy { id } organisation { slug } } organisationRoles { role organisation { slug } } } }';
const CREATE_DOCUMENT = 'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }';
const SAVE_DRAFT = 'mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }';
const PUBLISH = 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { version document { slug } } }';
const APPOINT = 'mutation($input: CommunityModeratorInput!) { appointCommunityModerator(input: $input) { id moderators { id displayName } } }';
const REMOVE = 'mutation($input: CommunityModeratorInput!) { removeCommunityModerator(input: $input) { id moderators { id } } }';

interface RequestRow {
  id: string;
  role: string;
  status: string;
  note: string | null;
  decisionNote: string | null;
  decidedBy: { id: string } | null;
  organisation: { slug: string };
}

describe('organisation roles: granted, not declared', () => {
  let t: TestApp;
  let siteAdmin: Person;
  let countyAdmin: Person;
  let parishAdmin: Person;
  let member: Person;
  let other: Person;

  /** Every role change at the organisation, oldest first, straight from the table. */
  async function changeRows(slug: string): Promise<{ user_id: string; actor_id: string | null; from_role: string | null; to_role: string | null; reason: string | null }[]> {
    return t.db.query(
      `SELECT c.user_id, c.actor_id, c.from_role, c.to_role, c.reason FROM organisation_role_changes c
         JOIN organisations o ON o.id = c.organisation_id WHERE o.slug = $1 ORDER BY c.created_at, c.id`,
      [slug],
    );
  }

  async function roleOf(slug: string, person: Person): Promise<string | null> {
    const rows = (await t.db.query(
      'SELECT m.role FROM organisation_memberships m JOIN organisations o ON o.id = m.organisation_id WHERE o.slug = $1 AND m.user_id = $2',
      [slug, person.id],
    )) as { role: string }[];
    return rows[0]?.role ?? null;
  }

  async function ask(person: Person, organisationSlug: string, role: string, note?: string): Promise<string> {
    const result = await t.gql(REQUEST, { input: { organisationSlug, role, note } }, person);
    expect(result.errors).toBeUndefined();
    const mine = await t.gql<{ organisation: { viewerPendingRequest: { id: string } } }>(ORGANISATION, { slug: organisationSlug }, person);
    return mine.data!.organisation.viewerPendingRequest.id;
  }

  async function setRole(actor: Person, organisationSlug: string, person: Person, role: string | null, reason?: string) {
    return t.gql(SET_ROLE, { input: { organisationSlug, userId: person.id, role, reason } }, actor);
  }

  beforeAll(async () => {
    t = await startTestApp();
    siteAdmin = await signUp(t, 'Site Admin');
    await grantRole(t, siteAdmin.id, 'ADMIN');
    countyAdmin = await signUp(t, 'Carol County');
    parishAdmin = await signUp(t, 'Peter Parish');
    member = await signUp(t, 'Mina Member');
    other = await signUp(t, 'Oscar Other');
  });
  afterAll(() => t.close());

  it('lets only site admins create organisations, with a checked, free slug', async () => {
    const input = { slug: 'county-council', name: 'Shireford County Council' };
    expect(errorOf(await t.gql(CREATE_ORGANISATION, { input }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE_ORGANISATION, { input })).code).toBe('UNAUTHENTICATED');
    await grantRole(t, other.id, 'MODERATOR');
    expect(errorOf(await t.gql(CREATE_ORGANISATION, { input }, other)).code).toBe('FORBIDDEN');
    await t.db.query(`UPDATE users SET role = 'MEMBER' WHERE id = $1`, [other.id]);
    expect(await t.db.query('SELECT slug FROM organisations')).toEqual([]);

    const created = await t.gql<{ createOrganisation: { slug: string; name: string } }>(CREATE_ORGANISATION, { input }, siteAdmin);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOrganisation).toMatchObject(input);
    expect((await t.gql(CREATE_ORGANISATION, { input: { slug: 'parish-council', name: 'Little Ashby Parish Council' } }, siteAdmin)).errors).toBeUndefined();

    expect(errorOf(await t.gql(CREATE_ORGANISATION, { input: { ...input, name: 'Another' } }, siteAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await t.gql(CREATE_ORGANISATION, { input: { slug: 'Has Spaces', name: 'Spaces' } }, siteAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await t.gql(CREATE_ORGANISATION, { input: { slug: 'blank-name', name: '   ' } }, siteAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(((await t.db.query('SELECT slug FROM organisations ORDER BY slug')) as { slug: string }[]).map((r) => r.slug)).toEqual(['county-council', 'parish-council']);

    const found = await t.gql<{ organisation: unknown; missing: unknown }>('{ organisation(slug: "county-council") { name members { role } } missing: organisation(slug: "nope") { id } }');
    expect(found.data).toEqual({ organisation: { name: 'Shireford County Council', members: [] }, missing: null });
  });

  it('lets a site admin make the first organisation admins, on the record', async () => {
    expect((await setRole(siteAdmin, 'county-council', countyAdmin, 'ORG_ADMIN', 'Runs the council’s policies.')).errors).toBeUndefined();
    expect((await setRole(siteAdmin, 'parish-council', parishAdmin, 'ORG_ADMIN')).errors).toBeUndefined();
    // On their next request, the role is theirs.
    const seen = await t.gql<{ organisation: { viewerRole: string; viewerCanManage: boolean; members: { role: string; user: { id: string } }[] } }>(
      ORGANISATION,
      { slug: 'county-council' },
      countyAdmin,
    );
    expect(seen.data?.organisation).toMatchObject({ viewerRole: 'ORG_ADMIN', viewerCanManage: true, members: [{ role: 'ORG_ADMIN', user: { id: countyAdmin.id } }] });
    expect(await changeRows('county-council')).toEqual([
      { user_id: countyAdmin.id, actor_id: siteAdmin.id, from_role: null, to_role: 'ORG_ADMIN', reason: 'Runs the council’s policies.' },
    ]);
  });

  it('takes a request, which the organisation’s admin approves; the member then authors and publishes', async () => {
    const document = { organisationSlug: 'county-council', slug: 'remote-working', title: 'Remote Working Policy' };
    expect(errorOf(await t.gql(CREATE_DOCUMENT, { input: document }, member)).code).toBe('FORBIDDEN');

    expect(errorOf(await t.gql(REQUEST, { input: { organisationSlug: 'county-council', role: 'POLICY_AUTHOR' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(REQUEST, { input: { organisationSlug: 'nowhere', role: 'POLICY_AUTHOR' } }, member)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(REQUEST, { input: { organisationSlug: 'county-council', role: 'POLICY_AUTHOR', note: 'x'.repeat(501) } }, member))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'note',
    });
    const requestId = await ask(member, 'county-council', 'POLICY_AUTHOR', 'I draft the remote working policy.');
    const again = errorOf(await t.gql(REQUEST, { input: { organisationSlug: 'county-council', role: 'ORG_ADMIN' } }, member));
    expect(again.code).toBe('BAD_USER_INPUT');
    expect(again.message).toMatch(/already asked Shireford County Council/);

    const mine = await t.gql<{ organisation: { viewerPendingRequest: unknown; viewerRole: unknown; viewerCanManage: boolean } }>(ORGANISATION, { slug: 'county-council' }, member);
    expect(mine.data?.organisation).toMatchObject({
      viewerRole: null,
      viewerCanManage: false,
      viewerPendingRequest: { id: requestId, role: 'POLICY_AUTHOR', note: 'I draft the remote working policy.', status: 'PENDING' },
    });

    // The queue is the organisation's admins' business, and theirs only.
    expect(errorOf(await t.gql(PENDING, { slug: 'county-council' }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(PENDING, { slug: 'county-council' }, parishAdmin)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(PENDING, { slug: 'county-council' })).code).toBe('UNAUTHENTICATED');
    const queue = await t.gql<{ organisation: { pendingRoleRequests: unknown[] } }>(PENDING, { slug: 'county-council' }, countyAdmin);
    expect(queue.data?.organisation.pendingRoleRequests).toEqual([
      { id: requestId, role: 'POLICY_AUTHOR', note: 'I draft the remote working policy.', status: 'PENDING', user: { id: member.id }, organisation: { slug: 'county-council' } },
    ]);

    // An admin of another organisation cannot decide, and the member cannot approve themself.
    expect(errorOf(await t.gql(DECIDE, { input: { requestId, approve: true } }, parishAdmin)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(DECIDE, { input: { requestId, approve: true } }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(DECIDE, { input: { requestId: '00000000-0000-4000-8000-000000000000', approve: true } }, countyAdmin)).code).toBe('NOT_FOUND');
    expect(await roleOf('county-council', member)).toBeNull();

    const decided = await t.gql<{ decideOrganisationRoleRequest: unknown }>(DECIDE, { input: { requestId, approve: true, note: 'Welcome aboard.' } }, countyAdmin);
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideOrganisationRoleRequest).toMatchObject({
      id: requestId,
      status: 'APPROVED',
      decisionNote: 'Welcome aboard.',
      decidedBy: { id: countyAdmin.id },
      user: { id: member.id },
      organisation: { slug: 'county-council' },
    });
    expect(errorOf(await t.gql(DECIDE, { input: { requestId, approve: false } }, countyAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestId' });

    // The same session, its next request: the granted role is in force.
    const created = await t.gql<{ createPolicyDocument: { id: string } }>(CREATE_DOCUMENT, { input: document }, member);
    expect(created.errors).toBeUndefined();
    const documentId = created.data!.createPolicyDocument.id;
    const markdown = '## Purpose\n\nWhy staff may work away from the office.\n\n## Responsibilities\n\nManagers agree the days.\n';
    expect((await t.gql(SAVE_DRAFT, { input: { documentId, markdown } }, member)).errors).toBeUndefined();
    const published = await t.gql(PUBLISH, { input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [] } }, member);
    expect(published.errors).toBeUndefined();
    expect(published.data).toEqual({ publishPolicyVersion: { version: '1.0', document: { slug: 'remote-working' } } });

    const after = await t.gql<{ me: { myRoleRequests: RequestRow[]; organisationRoles: unknown[] } }>(MY_REQUESTS, {}, member);
    expect(after.data?.me.organisationRoles).toEqual([{ role: 'POLICY_AUTHOR', organisation: { slug: 'county-council' } }]);
    expect(after.data?.me.myRoleRequests).toEqual([
      { id: requestId, role: 'POLICY_AUTHOR', status: 'APPROVED', decisionNote: 'Welcome aboard.', decidedBy: { id: countyAdmin.id }, organisation: { slug: 'county-council' } },
    ]);
    const profile = await t.gql<{ user: { organisationRoles: unknown[] } }>('query($id: ID!) { user(id: $id) { organisationRoles { role organisation { slug name } } } }', { id: member.id });
    expect(profile.data?.user.organisationRoles).toEqual([{ role: 'POLICY_AUTHOR', organisation: { slug: 'county-council', name: 'Shireford County Council' } }]);

    // Asking for what one already holds, or less, is refused in words.
    const held = errorOf(await t.gql(REQUEST, { input: { organisationSlug: 'county-council', role: 'POLICY_AUTHOR' } }, member));
    expect(held).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(held.message).toBe('You are already policy author at Shireford County Council.');
    expect(errorOf(await t.gql(REQUEST, { input: { organisationSlug: 'county-council', role: 'MEMBER' } }, member)).message).toBe(
      'You are already policy author at Shireford County Council, which includes member.',
    );

    expect((await changeRows('county-council')).at(-1)).toEqual({
      user_id: member.id,
      actor_id: countyAdmin.id,
      from_role: null,
      to_role: 'POLICY_AUTHOR',
      reason: 'Request approved: Welcome aboard.',
    });
  });

  it('records a declined request with its reason, grants nothing, and lets the person ask again', async () => {
    const before = await changeRows('county-council');
    const requestId = await ask(other, 'county-council', 'ORG_ADMIN', 'I would like to run it.');
    const declined = await t.gql(DECIDE, { input: { requestId, approve: false, note: 'Ask for policy author first.' } }, siteAdmin);
    expect(declined.errors).toBeUndefined();
    expect(await roleOf('county-council', other)).toBeNull();
    expect(await changeRows('county-council')).toEqual(before);

    const mine = await t.gql<{ me: { myRoleRequests: RequestRow[] } }>(MY_REQUESTS, {}, other);
    expect(mine.data?.me.myRoleRequests).toEqual([
      { id: requestId, role: 'ORG_ADMIN', status: 'DECLINED', decisionNote: 'Ask for policy author first.', decidedBy: { id: siteAdmin.id }, organisation: { slug: 'county-council' } },
    ]);
    const queue = await t.gql<{ organisation: { pendingRoleRequests: unknown[] } }>(PENDING, { slug: 'county-council' }, countyAdmin);
    expect(queue.data?.organisation.pendingRoleRequests).toEqual([]);
    expect((await t.gql(REQUEST, { input: { organisationSlug: 'county-council', role: 'POLICY_AUTHOR' } }, other)).errors).toBeUndefined();
  });

  it('lets only the person who asked withdraw a pending request', async () => {
    const mine = await t.gql<{ organisation: { viewerPendingRequest: { id: string } } }>(ORGANISATION, { slug: 'county-council' }, other);
    const requestId = mine.data!.organisation.viewerPendingRequest.id;
    expect(errorOf(await t.gql(WITHDRAW, { id: requestId }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(WITHDRAW, { id: requestId }, countyAdmin)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(WITHDRAW, { id: requestId })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(WITHDRAW, { id: 'not-an-id' }, other)).code).toBe('NOT_FOUND');

    expect((await t.gql(WITHDRAW, { id: requestId }, other)).data).toEqual({ withdrawOrganisationRoleRequest: true });
    expect(errorOf(await t.gql(WITHDRAW, { id: requestId }, other))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestId' });
    expect(errorOf(await t.gql(DECIDE, { input: { requestId, approve: true } }, countyAdmin)).message).toBe('This request was already withdrawn.');
    expect(await roleOf('county-council', other)).toBeNull();

    const after = await t.gql<{ organisation: { viewerPendingRequest: unknown } }>(ORGANISATION, { slug: 'county-council' }, other);
    expect(after.data?.organisation.viewerPendingRequest).toBeNull();
    const history = await t.gql<{ me: { myRoleRequests: RequestRow[] } }>(MY_REQUESTS, {}, other);
    expect(history.data?.me.myRoleRequests.map((r) => [r.role, r.status])).toEqual([
      ['POLICY_AUTHOR', 'WITHDRAWN'],
      ['ORG_ADMIN', 'DECLINED'],
    ]);
  });

  it('revokes a role, which takes the right away on the person’s next request', async () => {
    const input = { organisationSlug: 'county-council', slug: 'after-revocation', title: 'After Revocation' };
    expect(errorOf(await setRole(member, 'county-council', member, 'ORG_ADMIN')).code).toBe('FORBIDDEN');
    expect(errorOf(await setRole(parishAdmin, 'county-council', member, null)).code).toBe('FORBIDDEN');
    expect(errorOf(await setRole(countyAdmin, 'nowhere', member, null)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(SET_ROLE, { input: { organisationSlug: 'county-council', userId: '00000000-0000-4000-8000-000000000000', role: 'MEMBER' } }, countyAdmin))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'userId',
    });
    expect(await roleOf('county-council', member)).toBe('POLICY_AUTHOR');

    const revoked = await setRole(countyAdmin, 'county-council', member, null, 'Left the council.');
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data).toEqual({ setOrganisationRole: { slug: 'county-council', members: [{ role: 'ORG_ADMIN', user: { id: countyAdmin.id } }] } });
    expect(errorOf(await t.gql(CREATE_DOCUMENT, { input }, member)).code).toBe('FORBIDDEN');
    const draft = await t.gql<{ policyDocument: { draft: unknown; canAuthor: boolean } }>('{ policyDocument(slug: "remote-working") { draft { markdown } canAuthor } }', {}, member);
    expect(draft.data?.policyDocument).toEqual({ draft: null, canAuthor: false });
    expect((await changeRows('county-council')).at(-1)).toEqual({ user_id: member.id, actor_id: countyAdmin.id, from_role: 'POLICY_AUTHOR', to_role: null, reason: 'Left the council.' });

    // Revoking what is not held changes nothing and records nothing.
    const count = (await changeRows('county-council')).length;
    expect((await setRole(countyAdmin, 'county-council', member, null)).errors).toBeUndefined();
    expect(await changeRows('county-council')).toHaveLength(count);
  });

  it('never leaves an organisation without an admin, and lists members by role then name', async () => {
    const last = errorOf(await setRole(countyAdmin, 'county-council', countyAdmin, 'POLICY_AUTHOR'));
    expect(last).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(last.message).toMatch(/last admin/);
    expect(errorOf(await setRole(siteAdmin, 'county-council', countyAdmin, null)).code).toBe('BAD_USER_INPUT');
    expect(await roleOf('county-council', countyAdmin)).toBe('ORG_ADMIN');

    // A grant that gives what someone asked for settles their request too.
    const requestId = await ask(member, 'county-council', 'MEMBER');
    expect((await setRole(countyAdmin, 'county-council', member, 'ORG_ADMIN', 'Shares the work.')).errors).toBeUndefined();
    expect((await setRole(countyAdmin, 'county-council', other, 'MEMBER')).errors).toBeUndefined();
    const mine = await t.gql<{ me: { myRoleRequests: RequestRow[] } }>(MY_REQUESTS, {}, member);
    expect(mine.data?.me.myRoleRequests.find((r) => r.id === requestId)).toMatchObject({ status: 'APPROVED', decidedBy: { id: countyAdmin.id } });

    // With a second admin, the first may step down.
    expect((await setRole(countyAdmin, 'county-council', countyAdmin, 'POLICY_AUTHOR', 'Stepping back.')).errors).toBeUndefined();
    const listed = await t.gql<{ organisation: { members: { role: string; user: { displayName: string } }[] } }>(ORGANISATION, { slug: 'county-council' });
    expect(listed.data?.organisation.members.map((m) => [m.role, m.user.displayName])).toEqual([
      ['ORG_ADMIN', 'Mina Member'],
      ['POLICY_AUTHOR', 'Carol County'],
      ['MEMBER', 'Oscar Other'],
    ]);
    // The former admin manages nothing from their next request on.
    expect(errorOf(await t.gql(PENDING, { slug: 'county-council' }, countyAdmin)).code).toBe('FORBIDDEN');
  });

  it('keeps every change on an append-only record only managers read', async () => {
    expect(errorOf(await t.gql(CHANGES, { slug: 'county-council' }, other)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CHANGES, { slug: 'county-council' }, parishAdmin)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CHANGES, { slug: 'county-council' })).code).toBe('UNAUTHENTICATED');

    const changes = await t.gql<{ organisation: { roleChanges: { fromRole: string | null; toRole: string | null; reason: string | null; user: { id: string }; actor: { id: string } | null }[] } }>(
      CHANGES,
      { slug: 'county-council' },
      member,
    );
    expect(changes.errors).toBeUndefined();
    // Newest first: every grant, change and revocation made in this suite, with who did it.
    expect(changes.data?.organisation.roleChanges.map((c) => [c.user.id, c.fromRole, c.toRole, c.actor?.id ?? null])).toEqual([
      [countyAdmin.id, 'ORG_ADMIN', 'POLICY_AUTHOR', countyAdmin.id],
      [other.id, null, 'MEMBER', countyAdmin.id],
      [member.id, null, 'ORG_ADMIN', countyAdmin.id],
      [member.id, 'POLICY_AUTHOR', null, countyAdmin.id],
      [member.id, null, 'POLICY_AUTHOR', countyAdmin.id],
      [countyAdmin.id, null, 'ORG_ADMIN', siteAdmin.id],
    ]);
    const two = await t.gql<{ organisation: { roleChanges: unknown[] } }>(CHANGES, { slug: 'county-council', first: 2 }, member);
    expect(two.data?.organisation.roleChanges).toHaveLength(2);

    await expect(t.db.query(`UPDATE organisation_role_changes SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM organisation_role_changes')).rejects.toThrow(/append-only/);
  });

  it('loads members, their roles and requests in one statement per relation, whatever the number of organisations', async () => {
    // members(first: 10): a page small enough for the cost limit (common/query-limits.ts) across every organisation.
    const query = `{ organisations { slug viewerRole viewerCanManage viewerPendingRequest { id }
      members(first: 10) { role user { displayName organisationRoles { role organisation { slug } } } } } }`;
    const before = t.statements();
    const result = await t.gql<{ organisations: { slug: string; members: unknown[] }[] }>(query, {}, member);
    expect(result.errors).toBeUndefined();
    expect(result.data?.organisations.map((o) => [o.slug, o.members.length])).toEqual([
      ['parish-council', 1],
      ['county-council', 3],
    ]);
    // The session, the organisations, their members, the members' users, their roles, the viewer's pending requests.
    expect(t.statements() - before).toBe(6);
  });

  describe('community moderators', () => {
    let communityId: string;
    let moderator: Person;

    beforeAll(async () => {
      ({ communityId } = await createCommunity(t, 'organisation-tests'));
      moderator = await signUp(t, 'Mo Moderator');
    });

    it('lets only site admins appoint and remove them, in force on the next request', async () => {
      const input = { communityId, userId: moderator.id };
      for (const refused of [member, moderator, countyAdmin]) expect(errorOf(await t.gql(APPOINT, { input }, refused)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(APPOINT, { input })).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(APPOINT, { input: { ...input, communityId: '00000000-0000-4000-8000-000000000000' } }, siteAdmin)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(APPOINT, { input: { ...input, userId: '00000000-0000-4000-8000-000000000000' } }, siteAdmin))).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
      expect(await t.db.query('SELECT * FROM community_moderators')).toEqual([]);

      const COMMUNITY = 'query($slug: String!) { community(slug: $slug) { viewerCanModerate moderators { id } } me { moderatedCommunities { id } } }';
      const beforeAppointment = await t.gql<{ community: unknown; me: unknown }>(COMMUNITY, { slug: 'organisation-tests' }, moderator);
      expect(beforeAppointment.data).toEqual({ community: { viewerCanModerate: false, moderators: [] }, me: { moderatedCommunities: [] } });

      const appointed = await t.gql(APPOINT, { input }, siteAdmin);
      expect(appointed.data).toEqual({ appointCommunityModerator: { id: communityId, moderators: [{ id: moderator.id, displayName: 'Mo Moderator' }] } });
      expect((await t.gql(APPOINT, { input }, siteAdmin)).errors).toBeUndefined();
      const afterAppointment = await t.gql<{ community: unknown; me: unknown }>(COMMUNITY, { slug: 'organisation-tests' }, moderator);
      expect(afterAppointment.data).toEqual({ community: { viewerCanModerate: true, moderators: [{ id: moderator.id }] }, me: { moderatedCommunities: [{ id: communityId }] } });
      const byOthers = await t.gql<{ community: { viewerCanModerate: boolean } }>(COMMUNITY, { slug: 'organisation-tests' }, member);
      expect(byOthers.data?.community.viewerCanModerate).toBe(false);

      expect(errorOf(await t.gql(REMOVE, { input }, moderator)).code).toBe('FORBIDDEN');
      expect((await t.gql(REMOVE, { input }, siteAdmin)).data).toEqual({ removeCommunityModerator: { id: communityId, moderators: [] } });
      const afterRemoval = await t.gql<{ community: unknown; me: unknown }>(COMMUNITY, { slug: 'organisation-tests' }, moderator);
      expect(afterRemoval.data).toEqual({ community: { viewerCanModerate: false, moderators: [] }, me: { moderatedCommunities: [] } });
    });
  });
});
