import { can, OrganisationRole, SiteRole, type Action, type Actor, type Subject } from './access.policy.js';

const COUNCIL = 'org-council';
const PARISH = 'org-parish';
const COMMUNITY = 'community-1';
const OTHER_COMMUNITY = 'community-2';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'me',
  siteRole: SiteRole.MEMBER,
  organisationRoles: {},
  moderatedCommunityIds: [],
  suspendedUntil: null,
  ...overrides,
});

const people = {
  member: actor(),
  councilAuthor: actor({ organisationRoles: { [COUNCIL]: OrganisationRole.POLICY_AUTHOR } }),
  parishAuthor: actor({ organisationRoles: { [PARISH]: OrganisationRole.POLICY_AUTHOR } }),
  councilMember: actor({ organisationRoles: { [COUNCIL]: OrganisationRole.MEMBER } }),
  councilAdmin: actor({ organisationRoles: { [COUNCIL]: OrganisationRole.ORG_ADMIN } }),
  moderator: actor({ moderatedCommunityIds: [COMMUNITY] }),
  siteModerator: actor({ siteRole: SiteRole.MODERATOR }),
  siteAdmin: actor({ siteRole: SiteRole.ADMIN }),
};
type Who = keyof typeof people | 'anonymous';
const who = (name: Who): Actor | null => (name === 'anonymous' ? null : people[name]);

const council: Subject = { kind: 'organisation', organisationId: COUNCIL };
const someoneElsesAnswer: Subject = { kind: 'answer', communityId: COMMUNITY, authorId: 'someone', questionAuthorId: 'asker' };
const answerInOtherCommunity: Subject = { kind: 'answer', communityId: OTHER_COMMUNITY, authorId: 'someone' };

// Who may do what, as the table in docs/ARCHITECTURE.md says: [action, subject, the people allowed].
const table: [Action, Subject, Who[]][] = [
  ['author-policies', council, ['councilAuthor', 'councilAdmin', 'siteAdmin']],
  ['manage-organisation-roles', council, ['councilAdmin', 'siteAdmin']],
  ['create-organisation', { kind: 'site' }, ['siteAdmin']],
  ['create-community', { kind: 'site' }, ['siteModerator', 'siteAdmin']],
  ['appoint-community-moderator', { kind: 'site' }, ['siteAdmin']],
  ['view-job-queues', { kind: 'site' }, ['siteAdmin']],
  ['view-site-moderation', { kind: 'site' }, ['siteModerator', 'siteAdmin']],
  ['moderate', { kind: 'community', communityId: COMMUNITY }, ['moderator', 'siteModerator', 'siteAdmin']],
  ['moderate', answerInOtherCommunity, ['siteModerator', 'siteAdmin']],
  ['edit', someoneElsesAnswer, ['moderator', 'siteModerator', 'siteAdmin']],
  ['delete', someoneElsesAnswer, ['moderator', 'siteModerator', 'siteAdmin']],
  ['accept', someoneElsesAnswer, []],
  ['unaccept', someoneElsesAnswer, []],
  ['suspend', { kind: 'user', userId: 'someone', siteRole: SiteRole.MEMBER }, ['siteModerator', 'siteAdmin']],
  ['suspend', { kind: 'user', userId: 'someone', siteRole: SiteRole.MODERATOR }, ['siteAdmin']],
  ['erase', { kind: 'user', userId: 'someone', siteRole: SiteRole.MEMBER }, ['siteAdmin']],
  ['request-organisation-role', council, ['member', 'councilAuthor', 'parishAuthor', 'councilMember', 'councilAdmin', 'moderator', 'siteModerator', 'siteAdmin']],
];

describe('the permission policy', () => {
  const everyone: Who[] = ['anonymous', ...(Object.keys(people) as Who[])];

  it.each(table)('%s on %j is allowed exactly for %j', (action, subject, allowed) => {
    const decided = everyone.filter((name) => can(who(name), action, subject).allowed);
    expect(decided).toEqual(allowed);
  });

  it('asks anonymous visitors to sign in, and tells everyone else why not', () => {
    expect(can(null, 'ask', { kind: 'community', communityId: COMMUNITY })).toEqual({ allowed: false, signInRequired: true, reason: 'You need to sign in to do that.' });
    const refused = can(people.parishAuthor, 'author-policies', council);
    expect(refused).toMatchObject({ allowed: false, signInRequired: false });
    expect(!refused.allowed && refused.reason).toMatch(/policy authors/);
  });

  it('lets only the asker take back an acceptance, even of an answer removed since', () => {
    const asker = actor({ id: 'asker' });
    expect(can(asker, 'unaccept', someoneElsesAnswer).allowed).toBe(true);
    expect(can(asker, 'unaccept', { ...someoneElsesAnswer, deleted: true }).allowed).toBe(true);
    expect(can(asker, 'accept', { ...someoneElsesAnswer, deleted: true }).allowed).toBe(false);
    expect(can(people.siteAdmin, 'unaccept', someoneElsesAnswer).allowed).toBe(false);
  });

  it('grants nothing for a declared affiliation: only granted roles count', () => {
    // A member who merely declared "policy author" on their profile has no organisation role.
    expect(can(people.member, 'author-policies', council).allowed).toBe(false);
    expect(can(people.councilMember, 'author-policies', council).allowed).toBe(false);
  });

  it('lets a suspended member read but refuses every write until the suspension ends', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const suspended = actor({ suspendedUntil: '2026-12-09T12:00:00Z', organisationRoles: { [COUNCIL]: OrganisationRole.ORG_ADMIN } });
    for (const [action, subject] of [
      ['ask', { kind: 'community', communityId: COMMUNITY }],
      ['answer', { kind: 'question', communityId: COMMUNITY, authorId: 'someone' }],
      ['vote', someoneElsesAnswer],
      ['flag', someoneElsesAnswer],
      ['author-policies', council],
      ['manage-organisation-roles', council],
    ] as [Action, Subject][]) {
      const decision = can(suspended, action, subject, now);
      expect(decision.allowed).toBe(false);
      expect(!decision.allowed && decision.reason).toMatch(/suspended until/);
    }
    expect(can(suspended, 'erase', { kind: 'user', userId: 'me', siteRole: SiteRole.MEMBER }, now).allowed).toBe(true);
    expect(can(suspended, 'ask', { kind: 'community', communityId: COMMUNITY }, new Date('2026-12-10T00:00:00Z')).allowed).toBe(true);
  });

  it('refuses answers on closed or locked questions and comments on locked ones, to moderators too', () => {
    const closed: Subject = { kind: 'question', communityId: COMMUNITY, authorId: 'asker', closed: true };
    const locked: Subject = { kind: 'question', communityId: COMMUNITY, authorId: 'asker', locked: true };
    for (const person of [people.member, people.moderator]) {
      expect(can(person, 'answer', closed).allowed).toBe(false);
      expect(can(person, 'answer', locked).allowed).toBe(false);
      expect(can(person, 'comment', locked).allowed).toBe(false);
      expect(can(person, 'comment', closed).allowed).toBe(true);
    }
  });

  it('refuses voting on or flagging your own post', () => {
    const mine: Subject = { kind: 'answer', communityId: COMMUNITY, authorId: 'me' };
    expect(can(people.member, 'vote', mine).allowed).toBe(false);
    expect(can(people.member, 'flag', mine).allowed).toBe(false);
    expect(can(people.member, 'delete', mine).allowed).toBe(true);
    expect(can(people.member, 'edit', mine).allowed).toBe(true);
  });
});
