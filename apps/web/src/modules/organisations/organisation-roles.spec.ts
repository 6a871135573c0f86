import { describeRoleChange, organisationRoleLabel, requestableRoles, roleRequestStatusLabel } from './organisation-roles';

describe('organisation roles', () => {
  it('names each role in words', () => {
    expect(organisationRoleLabel('POLICY_AUTHOR')).toBe('Policy author');
    expect(organisationRoleLabel('ORG_ADMIN')).toBe('Organisation admin');
  });

  it('offers only roles above the one already granted', () => {
    expect(requestableRoles(null)).toEqual(['MEMBER', 'POLICY_AUTHOR', 'ORG_ADMIN']);
    expect(requestableRoles('MEMBER')).toEqual(['POLICY_AUTHOR', 'ORG_ADMIN']);
    expect(requestableRoles('ORG_ADMIN')).toEqual([]);
  });

  it('describes grants, changes and revocations', () => {
    expect(describeRoleChange({ fromRole: null, toRole: 'POLICY_AUTHOR' })).toBe('Granted Policy author');
    expect(describeRoleChange({ fromRole: 'MEMBER', toRole: 'ORG_ADMIN' })).toBe('Changed from Member to Organisation admin');
    expect(describeRoleChange({ fromRole: 'POLICY_AUTHOR', toRole: null })).toBe('Revoked Policy author');
  });

  it('says where a request stands', () => {
    expect(roleRequestStatusLabel('PENDING')).toBe('waiting for an admin');
    expect(roleRequestStatusLabel('DECLINED')).toBe('declined');
  });
});
