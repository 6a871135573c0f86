import type { OrganisationRole, RoleRequestStatus } from '../../generated/graphql';

/** Lowest to highest: each role includes what the one before it may do. */
export const ORGANISATION_ROLES: ReadonlyArray<{ role: OrganisationRole; label: string; description: string }> = [
  { role: 'MEMBER', label: 'Member', description: 'Belongs to the organisation; no rights over its policies.' },
  { role: 'POLICY_AUTHOR', label: 'Policy author', description: 'Creates documents, sees drafts and publishes versions for the organisation.' },
  { role: 'ORG_ADMIN', label: 'Organisation admin', description: 'A policy author who also grants, changes and revokes roles here.' },
];

export function organisationRoleLabel(role: OrganisationRole): string {
  return ORGANISATION_ROLES.find((candidate) => candidate.role === role)?.label ?? role;
}

function rank(role: OrganisationRole): number {
  return ORGANISATION_ROLES.findIndex((candidate) => candidate.role === role);
}

/** The roles worth asking for: those above the one already granted. */
export function requestableRoles(current: OrganisationRole | null | undefined): OrganisationRole[] {
  const floor = current ? rank(current) : -1;
  return ORGANISATION_ROLES.filter((candidate) => rank(candidate.role) > floor).map((candidate) => candidate.role);
}

/** "Granted Policy author", "Changed from Member to Organisation admin", "Revoked Policy author". */
export function describeRoleChange(change: { fromRole?: OrganisationRole | null; toRole?: OrganisationRole | null }): string {
  const { fromRole, toRole } = change;
  if (!fromRole && toRole) return `Granted ${organisationRoleLabel(toRole)}`;
  if (fromRole && !toRole) return `Revoked ${organisationRoleLabel(fromRole)}`;
  if (fromRole && toRole) return `Changed from ${organisationRoleLabel(fromRole)} to ${organisationRoleLabel(toRole)}`;
  return 'No change';
}

const STATUS_LABELS: Record<RoleRequestStatus, string> = {
  PENDING: 'waiting for an admin',
  APPROVED: 'approved',
  DECLINED: 'declined',
  WITHDRAWN: 'withdrawn',
};

export function roleRequestStatusLabel(status: RoleRequestStatus): string {
  return STATUS_LABELS[status];
}
