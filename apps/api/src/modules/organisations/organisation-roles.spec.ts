import { can, includesRole, OrganisationRole, SiteRole, type Actor } from '../access/access.policy.js';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'me',
  siteRole: SiteRole.MEMBER,
  organisationRoles: {},
  moderatedCommunityIds: [],
  suspendedUntil: null,
  ...overrides,
});

describe('organisation roles in the permission policy', () => {
  it('orders roles so that each includes the ones before it', () => {
    const { MEMBER, POLICY_AUTHOR, ORG_ADMIN } = OrganisationRole;
    expect(includesRole(null, MEMBER)).toBe(false);
    expect(includesRole(undefined, MEMBER)).toBe(false);
    expect(includesRole(MEMBER, MEMBER)).toBe(true);
    expect(includesRole(MEMBER, POLICY_AUTHOR)).toBe(false);
    expect(includesRole(POLICY_AUTHOR, MEMBER)).toBe(true);
    expect(includesRole(POLICY_AUTHOR, ORG_ADMIN)).toBe(false);
    expect(includesRole(ORG_ADMIN, POLICY_AUTHOR)).toBe(true);
  });

  it('lets only the person who asked withdraw a role request, and not while suspended', () => {
    const request = { kind: 'organisation-role-request' as const, organisationId: 'org', requesterId: 'me' };
    expect(can(actor(), 'withdraw-organisation-role-request', request).allowed).toBe(true);
    expect(can(actor({ id: 'someone-else', siteRole: SiteRole.ADMIN }), 'withdraw-organisation-role-request', request)).toMatchObject({
      allowed: false,
      reason: 'Only the person who asked can withdraw a role request.',
    });
    expect(can(null, 'withdraw-organisation-role-request', request)).toMatchObject({ allowed: false, signInRequired: true });
    const suspended = actor({ suspendedUntil: new Date(Date.now() + 86_400_000).toISOString() });
    expect(can(suspended, 'withdraw-organisation-role-request', request).allowed).toBe(false);
  });

  it('lets organisation admins manage only their own organisation; site admins any', () => {
    const council = { kind: 'organisation' as const, organisationId: 'council' };
    expect(can(actor({ organisationRoles: { council: OrganisationRole.ORG_ADMIN } }), 'manage-organisation-roles', council).allowed).toBe(true);
    expect(can(actor({ organisationRoles: { parish: OrganisationRole.ORG_ADMIN } }), 'manage-organisation-roles', council).allowed).toBe(false);
    expect(can(actor({ organisationRoles: { council: OrganisationRole.POLICY_AUTHOR } }), 'manage-organisation-roles', council).allowed).toBe(false);
    expect(can(actor({ siteRole: SiteRole.ADMIN }), 'manage-organisation-roles', council).allowed).toBe(true);
    expect(can(actor({ siteRole: SiteRole.MODERATOR }), 'manage-organisation-roles', council).allowed).toBe(false);
  });
});
