import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/request-context.js';
import { PER_PARENT_LIMIT } from '../../common/pagination.js';
import { authorize } from '../access/access.exception.js';
import { includesRole, OrganisationRole } from '../access/access.policy.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { OrganisationEntity } from '../accounts/organisation.entity.js';
import type { CreateOrganisationInput, DecideOrganisationRoleRequestInput, RequestOrganisationRoleInput, SetOrganisationRoleInput } from './dto/organisations.input.js';
import { OrganisationMembershipEntity, OrganisationRoleChangeEntity, OrganisationRoleRequestEntity, RoleRequestStatus } from './organisation-roles.entity.js';
import { OrganisationsException, OrganisationsExceptionCode } from './organisations.exception.js';

/** A role in words, as a person reads it in a message. */
export const roleInWords: Record<OrganisationRole, string> = {
  [OrganisationRole.MEMBER]: 'member',
  [OrganisationRole.POLICY_AUTHOR]: 'policy author',
  [OrganisationRole.ORG_ADMIN]: 'admin',
};

export interface MembershipWithOrganisation {
  userId: string;
  role: OrganisationRole;
  organisation: OrganisationEntity;
}

const MAX_ROLE_CHANGES = 200;
const MAX_OWN_REQUESTS = 100;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
const trimmedOrNull = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/**
 * Organisations and the roles granted there: requests, decisions, grants, revocations and
 * the append-only record of every change. What a role allows is the permission policy's
 * business (modules/access); this service keeps who holds which role, and the rules of
 * changing it (never silently downgrade, never leave an organisation without an admin).
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  // ---- reading -------------------------------------------------------------

  findBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.db.getRepository(OrganisationEntity).findOneBy({ slug: slug.trim() });
  }

  async requireBySlug(slug: string, field = 'organisationSlug'): Promise<OrganisationEntity> {
    const organisation = await this.findBySlug(slug);
    if (!organisation) throw new OrganisationsException(OrganisationsExceptionCode.ORGANISATION_NOT_FOUND, `There is no organisation "${slug}".`, { field });
    return organisation;
  }

  byIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.db.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }

  membersOf(organisationIds: readonly string[]): Promise<OrganisationMembershipEntity[]> {
    return this.db.getRepository(OrganisationMembershipEntity).findBy({ organisationId: In([...organisationIds]) });
  }

  /** Each person's roles, by organisation name. */
  async membershipsOf(userIds: readonly string[]): Promise<MembershipWithOrganisation[]> {
    const rows = await this.db
      .getRepository(OrganisationMembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndMapOne('m.organisation', OrganisationEntity, 'o', 'o.id = m.organisation_id')
      .where('m.user_id IN (:...userIds)', { userIds: [...userIds] })
      .orderBy('o.name', 'ASC')
      .getMany();
    return rows.map((row) => ({ userId: row.userId, role: row.role, organisation: (row as OrganisationMembershipEntity & { organisation: OrganisationEntity }).organisation }));
  }

  /** Pending requests at the given organisations, oldest first (the queue an admin works through). */
  /** The oldest PER_PARENT_LIMIT pending requests at each organisation. */
  pendingRequestsAt(organisationIds: readonly string[]): Promise<OrganisationRoleRequestEntity[]> {
    return this.db
      .getRepository(OrganisationRoleRequestEntity)
      .createQueryBuilder('r')
      .innerJoin(
        `(SELECT id, row_number() OVER (PARTITION BY organisation_id ORDER BY created_at, id) AS rank
            FROM organisation_role_requests WHERE organisation_id IN (:...organisationIds) AND status = :pending)`,
        'ranked',
        'ranked.id = r.id AND ranked.rank <= :limit',
      )
      .setParameters({ organisationIds: [...organisationIds], pending: RoleRequestStatus.PENDING, limit: PER_PARENT_LIMIT })
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** One person's pending request at each of the given organisations. */
  pendingRequestsBy(userId: string, organisationIds: readonly string[]): Promise<OrganisationRoleRequestEntity[]> {
    return this.db.getRepository(OrganisationRoleRequestEntity).findBy({ userId, organisationId: In([...organisationIds]), status: RoleRequestStatus.PENDING });
  }

  /** A person's own requests, newest first. */
  requestsBy(userId: string): Promise<OrganisationRoleRequestEntity[]> {
    return this.db.getRepository(OrganisationRoleRequestEntity).find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: MAX_OWN_REQUESTS });
  }

  /** The newest `first` changes at each organisation, newest first. */
  async roleChangesAt(organisationIds: readonly string[], first: number): Promise<OrganisationRoleChangeEntity[]> {
    const limit = Math.min(Math.max(Math.trunc(first), 0), MAX_ROLE_CHANGES);
    if (limit === 0) return [];
    const ranked = this.db
      .getRepository(OrganisationRoleChangeEntity)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('row_number() OVER (PARTITION BY c.organisation_id ORDER BY c.created_at DESC, c.id DESC)', 'rank')
      .where('c.organisation_id IN (:...organisationIds)');
    return this.db
      .getRepository(OrganisationRoleChangeEntity)
      .createQueryBuilder('change')
      .innerJoin(`(${ranked.getQuery()})`, 'ranked', 'ranked.id = change.id AND ranked.rank <= :limit')
      .setParameters({ organisationIds: [...organisationIds], limit })
      .orderBy('change.created_at', 'DESC')
      .addOrderBy('change.id', 'DESC')
      .getMany();
  }

  // ---- organisations -------------------------------------------------------

  async create(viewer: Viewer, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    authorize(viewer, 'create-organisation', { kind: 'site' });
    const taken = () =>
      new OrganisationsException(OrganisationsExceptionCode.SLUG_TAKEN, `An organisation with the slug "${input.slug}" already exists.`, { field: 'slug' });
    const organisations = this.db.getRepository(OrganisationEntity);
    if (await organisations.existsBy({ slug: input.slug })) throw taken();
    try {
      return await organisations.save(organisations.create({ slug: input.slug, name: input.name.trim() }));
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  // ---- asking for a role ---------------------------------------------------

  async requestRole(viewer: Viewer, input: RequestOrganisationRoleInput): Promise<OrganisationRoleRequestEntity> {
    const organisation = await this.requireBySlug(input.organisationSlug);
    authorize(viewer, 'request-organisation-role', { kind: 'organisation', organisationId: organisation.id });
    const held = viewer.organisationRoles[organisation.id];
    if (includesRole(held, input.role)) {
      const already = held === input.role ? '' : `, which includes ${roleInWords[input.role]}`;
      throw new OrganisationsException(
        OrganisationsExceptionCode.ROLE_ALREADY_HELD,
        `You are already ${roleInWords[held as OrganisationRole]} at ${organisation.name}${already}.`,
        { field: 'role' },
      );
    }
    const requests = this.db.getRepository(OrganisationRoleRequestEntity);
    try {
      return await requests.save(requests.create({ organisationId: organisation.id, userId: viewer.id, role: input.role, note: trimmedOrNull(input.note) }));
    } catch (error) {
      // The partial unique index allows one pending request per person and organisation.
      if (!isUniqueViolation(error)) throw error;
      throw new OrganisationsException(
        OrganisationsExceptionCode.REQUEST_ALREADY_PENDING,
        `You have already asked ${organisation.name} for a role. Wait for its admins to decide, or withdraw that request first.`,
        { field: 'organisationSlug' },
      );
    }
  }

  async decide(viewer: Viewer, input: DecideOrganisationRoleRequestInput): Promise<OrganisationRoleRequestEntity> {
    const found = await this.requireRequest(input.requestId);
    authorize(viewer, 'manage-organisation-roles', { kind: 'organisation', organisationId: found.organisationId });
    const decisionNote = trimmedOrNull(input.note);
    return this.db.transaction(async (tx) => {
      await this.lockRolesOf(tx, found.organisationId);
      const request = await this.requirePending(tx, found.id);
      if (input.approve) {
        const held = await this.roleOf(tx, request.organisationId, request.userId);
        // Approving never takes away more than was asked: someone who became an admin
        // since asking to author stays an admin.
        if (!includesRole(held, request.role)) {
          await this.changeRole(tx, request.organisationId, request.userId, request.role, viewer.id, decisionNote ? `Request approved: ${decisionNote}`.slice(0, 500) : 'Request approved.');
        }
      }
      await tx.getRepository(OrganisationRoleRequestEntity).update(request.id, {
        status: input.approve ? RoleRequestStatus.APPROVED : RoleRequestStatus.DECLINED,
        decidedBy: viewer.id,
        decidedAt: new Date(),
        decisionNote,
      });
      return (await tx.getRepository(OrganisationRoleRequestEntity).findOneBy({ id: request.id })) as OrganisationRoleRequestEntity;
    });
  }

  async withdraw(viewer: Viewer, requestId: string): Promise<void> {
    const found = await this.requireRequest(requestId);
    authorize(viewer, 'withdraw-organisation-role-request', { kind: 'organisation-role-request', organisationId: found.organisationId, requesterId: found.userId });
    await this.db.transaction(async (tx) => {
      const request = await this.requirePending(tx, found.id);
      await tx.getRepository(OrganisationRoleRequestEntity).update(request.id, { status: RoleRequestStatus.WITHDRAWN, decidedBy: viewer.id, decidedAt: new Date() });
    });
  }

  // ---- granting, changing, revoking ----------------------------------------

  /** Grants, changes or (role null) revokes a person's role; returns the organisation. */
  async setRole(viewer: Viewer, input: SetOrganisationRoleInput): Promise<OrganisationEntity> {
    const organisation = await this.requireBySlug(input.organisationSlug);
    authorize(viewer, 'manage-organisation-roles', { kind: 'organisation', organisationId: organisation.id });
    if (!(await this.accounts.findUser(input.userId))) {
      throw new OrganisationsException(OrganisationsExceptionCode.USER_NOT_FOUND, 'That person does not exist.', { field: 'userId' });
    }
    const role = input.role ?? null;
    await this.db.transaction(async (tx) => {
      await this.lockRolesOf(tx, organisation.id);
      await this.changeRole(tx, organisation.id, input.userId, role, viewer.id, trimmedOrNull(input.reason));
      // A grant that gives what the person asked for answers their request too.
      const pending = await tx.getRepository(OrganisationRoleRequestEntity).findOneBy({ organisationId: organisation.id, userId: input.userId, status: RoleRequestStatus.PENDING });
      if (pending && includesRole(role, pending.role)) {
        await tx.getRepository(OrganisationRoleRequestEntity).update(pending.id, { status: RoleRequestStatus.APPROVED, decidedBy: viewer.id, decidedAt: new Date() });
      }
    });
    return organisation;
  }

  // ---- internals -----------------------------------------------------------

  private async requireRequest(id: string): Promise<OrganisationRoleRequestEntity> {
    const request = isUuid(id) ? await this.db.getRepository(OrganisationRoleRequestEntity).findOneBy({ id }) : null;
    if (!request) throw new OrganisationsException(OrganisationsExceptionCode.REQUEST_NOT_FOUND, 'That role request does not exist.', { field: 'requestId' });
    return request;
  }

  private async requirePending(tx: EntityManager, id: string): Promise<OrganisationRoleRequestEntity> {
    const request = (await tx.getRepository(OrganisationRoleRequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) as OrganisationRoleRequestEntity;
    if (request.status !== RoleRequestStatus.PENDING) {
      throw new OrganisationsException(OrganisationsExceptionCode.REQUEST_NOT_PENDING, `This request was already ${request.status.toLowerCase()}.`, { field: 'requestId' });
    }
    return request;
  }

  /**
   * Serialises role changes at one organisation until the transaction ends, so two admins
   * demoting each other cannot both pass the "another admin remains" check, and a change
   * row's from_role is always the role that was really replaced.
   */
  private async lockRolesOf(tx: EntityManager, organisationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('organisation-roles:' || $1, 0))`, [organisationId]);
  }

  private async roleOf(tx: EntityManager, organisationId: string, userId: string): Promise<OrganisationRole | null> {
    return (await tx.getRepository(OrganisationMembershipEntity).findOneBy({ organisationId, userId }))?.role ?? null;
  }

  /** Sets the membership and records the change; nothing (and no record) when the role is already that. */
  private async changeRole(tx: EntityManager, organisationId: string, userId: string, role: OrganisationRole | null, actorId: string | null, reason: string | null): Promise<void> {
    const memberships = tx.getRepository(OrganisationMembershipEntity);
    const from = await this.roleOf(tx, organisationId, userId);
    if (from === role) return;
    if (from === OrganisationRole.ORG_ADMIN && (await memberships.countBy({ organisationId, role: OrganisationRole.ORG_ADMIN })) <= 1) {
      throw new OrganisationsException(
        OrganisationsExceptionCode.LAST_ORG_ADMIN,
        'This is the organisation’s last admin. Make someone else an admin first, so the organisation is never left without one.',
        { field: 'role' },
      );
    }
    if (role === null) {
      await memberships.delete({ organisationId, userId });
    } else {
      await tx.query(
        `INSERT INTO organisation_memberships (organisation_id, user_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = EXCLUDED.role, granted_by = EXCLUDED.granted_by, granted_at = EXCLUDED.granted_at`,
        [organisationId, userId, role, actorId],
      );
    }
    await tx.getRepository(OrganisationRoleChangeEntity).insert({ organisationId, userId, actorId, fromRole: from, toRole: role, reason });
  }

  /**
   * Erasure, inside its transaction: the person's roles end (each revocation recorded, by
   * the system, without their name) and their role requests, notes included, go. Erasure is
   * never refused, so a last admin's organisation is left to site admins.
   */
  async eraseUser(tx: EntityManager, userId: string): Promise<void> {
    const memberships = tx.getRepository(OrganisationMembershipEntity);
    for (const held of await memberships.findBy({ userId })) {
      await this.lockRolesOf(tx, held.organisationId);
      await memberships.delete({ organisationId: held.organisationId, userId });
      await tx.getRepository(OrganisationRoleChangeEntity).insert({ organisationId: held.organisationId, userId, actorId: null, fromRole: held.role, toRole: null, reason: 'Account erased.' });
    }
    await tx.getRepository(OrganisationRoleRequestEntity).delete({ userId });
  }
}
