import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { byKeys, groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import type { Viewer } from '../../common/request-context.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import { authorize } from '../access/access.exception.js';
import { can, OrganisationRole, organisationRoleOf, organisationRoleRank } from '../access/access.policy.js';
import { MeModel, OrganisationModel, UserModel } from '../accounts/accounts.model.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { OrganisationEntity } from '../accounts/organisation.entity.js';
import { CreateOrganisationInput, DecideOrganisationRoleRequestInput, RequestOrganisationRoleInput, SetOrganisationRoleInput } from './dto/organisations.input.js';
import type { OrganisationMembershipEntity, OrganisationRoleChangeEntity, OrganisationRoleRequestEntity } from './organisation-roles.entity.js';
import {
  OrganisationMemberModel,
  OrganisationMembershipModel,
  OrganisationRoleChangeModel,
  OrganisationRoleRequestModel,
} from './organisations.model.js';
import { OrganisationsService, type MembershipWithOrganisation } from './organisations.service.js';

export const toOrganisationModel = (o: OrganisationEntity): OrganisationModel => ({ id: o.id, slug: o.slug, name: o.name });

const toMemberModel = (m: OrganisationMembershipEntity): OrganisationMemberModel => ({ userId: m.userId, role: m.role, grantedAt: m.grantedAt });

const toRequestModel = (r: OrganisationRoleRequestEntity): OrganisationRoleRequestModel => ({
  id: r.id,
  organisationId: r.organisationId,
  userId: r.userId,
  role: r.role,
  note: r.note,
  status: r.status,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
  decidedById: r.decidedBy,
  decisionNote: r.decisionNote,
});

const toChangeModel = (c: OrganisationRoleChangeEntity): OrganisationRoleChangeModel => ({
  id: c.id,
  userId: c.userId,
  actorId: c.actorId,
  fromRole: c.fromRole,
  toRole: c.toRole,
  reason: c.reason,
  createdAt: c.createdAt,
});

const toMembershipModel = (m: MembershipWithOrganisation): OrganisationMembershipModel => ({ organisation: toOrganisationModel(m.organisation), role: m.role });

export function loadOrganisationById(loaders: RequestLoaders, organisations: OrganisationsService, id: string): Promise<OrganisationModel> {
  return loaders
    .get<string, OrganisationModel>('organisations.byId', async (ids) =>
      byKeys(ids, await organisations.byIds(ids), (o) => o.id, (missing) => new Error(`organisation ${missing} not found`), toOrganisationModel),
    )
    .load(id);
}

/** A person's granted roles, by organisation name: public, like the members list. */
function loadMembershipsOf(loaders: RequestLoaders, organisations: OrganisationsService, userId: string): Promise<OrganisationMembershipModel[]> {
  return loaders
    .get<string, OrganisationMembershipModel[]>('organisations.membershipsByUserId', async (ids) =>
      groupByKeys(ids, await organisations.membershipsOf(ids), (m) => m.userId).map((ms) => ms.map(toMembershipModel)),
    )
    .load(userId);
}

const manage = (organisationId: string) => ({ kind: 'organisation' as const, organisationId });

@Resolver(() => OrganisationModel)
export class OrganisationsResolver {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly accounts: AccountsService,
  ) {}

  @Query(() => OrganisationModel, { nullable: true })
  async organisation(@Args('slug', { type: () => String }) slug: string): Promise<OrganisationModel | null> {
    const organisation = await this.organisations.findBySlug(slug);
    return organisation ? toOrganisationModel(organisation) : null;
  }

  @Mutation(() => OrganisationModel, { description: 'Site admins only.' })
  @UseGuards(SignedInGuard)
  async createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentViewer() viewer: Viewer): Promise<OrganisationModel> {
    return toOrganisationModel(await this.organisations.create(viewer, input));
  }

  @Mutation(() => Boolean, { description: "Asks an organisation's admins for a role; they approve or decline it." })
  @UseGuards(SignedInGuard)
  async requestOrganisationRole(@Args('input') input: RequestOrganisationRoleInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.organisations.requestRole(viewer, input);
    return true;
  }

  @Mutation(() => OrganisationRoleRequestModel, { description: "The organisation's admins, or a site admin." })
  @UseGuards(SignedInGuard)
  async decideOrganisationRoleRequest(@Args('input') input: DecideOrganisationRoleRequestInput, @CurrentViewer() viewer: Viewer): Promise<OrganisationRoleRequestModel> {
    return toRequestModel(await this.organisations.decide(viewer, input));
  }

  @Mutation(() => Boolean, { description: 'The person who asked, while the request is pending.' })
  @UseGuards(SignedInGuard)
  async withdrawOrganisationRoleRequest(@Args('requestId', { type: () => ID }) requestId: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.organisations.withdraw(viewer, requestId);
    return true;
  }

  @Mutation(() => OrganisationModel, { description: 'Grants, changes or (role null) revokes a role; every change is recorded.' })
  @UseGuards(SignedInGuard)
  async setOrganisationRole(@Args('input') input: SetOrganisationRoleInput, @CurrentViewer() viewer: Viewer): Promise<OrganisationModel> {
    return toOrganisationModel(await this.organisations.setRole(viewer, input));
  }

  @ResolveField(() => [OrganisationMemberModel], { description: 'Who holds a granted role here: admins, then policy authors, then members, each by name.' })
  async members(@Parent() organisation: OrganisationModel, @Args('first', firstArg(100)) first: number | null, @Loaders() loaders: RequestLoaders): Promise<OrganisationMemberModel[]> {
    // Every member is read (each one granted by the organisation's admins), to order them by name.
    const size = pageSize(first, 100);
    const members = await loaders
      .get<string, OrganisationMemberModel[]>('organisations.members', async (ids) =>
        groupByKeys(ids, await this.organisations.membersOf(ids), (m) => m.organisationId).map((ms) => ms.map(toMemberModel)),
      )
      .load(organisation.id);
    const users = await Promise.all(members.map((m) => loadUser(loaders, this.accounts, m.userId)));
    return members
      .map((member, index) => ({ ...member, user: users[index] as UserModel }))
      .sort((a, b) => organisationRoleRank(b.role) - organisationRoleRank(a.role) || a.user.displayName.localeCompare(b.user.displayName) || a.userId.localeCompare(b.userId))
      .slice(0, size);
  }

  @ResolveField(() => OrganisationRole, {
    nullable: true,
    description: "The signed-in person's granted role here, or null.",
  })
  viewerRole(@Parent() organisation: OrganisationModel, @OptionalViewer() viewer: Viewer | null): OrganisationRole | null {
    return organisationRoleOf(viewer, organisation.id) ?? null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person may grant, change and revoke roles here and decide requests.' })
  viewerCanManage(@Parent() organisation: OrganisationModel, @OptionalViewer() viewer: Viewer | null): boolean {
    return can(viewer, 'manage-organisation-roles', manage(organisation.id)).allowed;
  }

  @ResolveField(() => OrganisationRoleRequestModel, { nullable: true, description: "The signed-in person's request here that awaits a decision." })
  async viewerPendingRequest(
    @Parent() organisation: OrganisationModel,
    @OptionalViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<OrganisationRoleRequestModel | null> {
    if (!viewer) return null;
    return loaders
      .get<string, OrganisationRoleRequestModel | null>('organisations.viewerPendingRequest', async (ids) =>
        byKeys(ids, await this.organisations.pendingRequestsBy(viewer.id, ids), (r) => r.organisationId, () => null, toRequestModel),
      )
      .load(organisation.id);
  }

  @ResolveField(() => [OrganisationRoleRequestModel], { description: "Oldest first. FORBIDDEN unless viewerCanManage." })
  async pendingRoleRequests(
    @Parent() organisation: OrganisationModel,
    @Args('first', firstArg(50)) first: number | null,
    @OptionalViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<OrganisationRoleRequestModel[]> {
    authorize(viewer, 'manage-organisation-roles', manage(organisation.id));
    const size = pageSize(first, 50);
    const requests = await loaders
      .get<string, OrganisationRoleRequestModel[]>('organisations.pendingRequests', async (ids) =>
        groupByKeys(ids, await this.organisations.pendingRequestsAt(ids), (r) => r.organisationId).map((rs) => rs.map(toRequestModel)),
      )
      .load(organisation.id);
    return requests.slice(0, size);
  }

  @ResolveField(() => [OrganisationRoleChangeModel], { description: 'Newest first. FORBIDDEN unless viewerCanManage.' })
  roleChanges(
    @Parent() organisation: OrganisationModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) requested: number | null,
    @OptionalViewer() viewer: Viewer | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<OrganisationRoleChangeModel[]> {
    authorize(viewer, 'manage-organisation-roles', manage(organisation.id));
    const first = pageSize(requested, 50);
    return loaders
      .get<string, OrganisationRoleChangeModel[]>(`organisations.roleChanges:${first}`, async (ids) =>
        groupByKeys(ids, await this.organisations.roleChangesAt(ids, first), (c) => c.organisationId).map((cs) => cs.map(toChangeModel)),
      )
      .load(organisation.id);
  }
}

@Resolver(() => OrganisationRoleRequestModel)
export class OrganisationRoleRequestsResolver {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly accounts: AccountsService,
  ) {}

  @ResolveField(() => OrganisationModel)
  organisation(@Parent() request: OrganisationRoleRequestModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel> {
    return loadOrganisationById(loaders, this.organisations, request.organisationId);
  }

  @ResolveField(() => UserModel)
  user(@Parent() request: OrganisationRoleRequestModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, request.userId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  decidedBy(@Parent() request: OrganisationRoleRequestModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> | null {
    return request.decidedById ? loadUser(loaders, this.accounts, request.decidedById) : null;
  }
}

@Resolver(() => OrganisationRoleChangeModel)
export class OrganisationRoleChangesResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel)
  user(@Parent() change: OrganisationRoleChangeModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return loadUser(loaders, this.accounts, change.userId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  actor(@Parent() change: OrganisationRoleChangeModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> | null {
    return change.actorId ? loadUser(loaders, this.accounts, change.actorId) : null;
  }
}

@Resolver(() => UserModel)
export class UserOrganisationRolesResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @ResolveField(() => [OrganisationMembershipModel], { description: 'Roles granted to this person, by organisation name.' })
  organisationRoles(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationMembershipModel[]> {
    return loadMembershipsOf(loaders, this.organisations, user.id);
  }
}

@Resolver(() => MeModel)
export class MeOrganisationRolesResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @ResolveField(() => [OrganisationMembershipModel], { description: 'Roles granted to you, by organisation name.' })
  organisationRoles(@Parent() me: MeModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationMembershipModel[]> {
    return loadMembershipsOf(loaders, this.organisations, me.user.id);
  }

  @ResolveField(() => [OrganisationRoleRequestModel], { description: 'Your role requests, newest first, whatever became of them.' })
  async myRoleRequests(@Parent() me: MeModel, @Args('first', firstArg(50)) first: number | null): Promise<OrganisationRoleRequestModel[]> {
    const size = pageSize(first, 50);
    return (await this.organisations.requestsBy(me.user.id)).slice(0, size).map(toRequestModel);
  }
}
