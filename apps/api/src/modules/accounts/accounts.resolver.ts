import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { can } from '../access/access.policy.js';
import { clientAddressOf } from '../../common/client-address.js';
import { byKeys, groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import type { RequestContext, Viewer } from '../../common/request-context.js';
import { ValidateEach } from '../../common/validation.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AffiliationModel, AuthPayloadModel, MeModel, OrganisationModel, UserModel } from './accounts.model.js';
import { AccountsService, type AffiliationRow } from './accounts.service.js';
import { AffiliationInput, ChangePasswordInput, ResetPasswordInput, SignInInput, SignUpInput } from './dto/accounts.input.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import type { UserEntity } from './user.entity.js';

export const toUserModel = (user: UserEntity): UserModel => ({
  id: user.id,
  displayName: user.displayName,
  createdAt: user.createdAt,
  isDeleted: user.erasedAt !== null,
});

/** The user loader other modules use for `author`, `editedBy` and the like. */
export function loadUser(loaders: RequestLoaders, accounts: AccountsService, id: string): Promise<UserModel> {
  return loaders
    .get<string, UserModel>('users.byId', async (ids) =>
      byKeys(ids, await accounts.usersByIds(ids), (u) => u.id, (missing) => new Error(`user ${missing} not found`), toUserModel),
      { afterOtherReads: true },
    )
    .load(id);
}

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => UserModel, { nullable: true })
  async user(@Args('id', { type: () => ID }) id: string): Promise<UserModel | null> {
    const user = await this.accounts.findUser(id);
    return user ? toUserModel(user) : null;
  }

  @Query(() => [OrganisationModel], { description: 'By name.' })
  async organisations(
    @Args('viewerCanAuthorPolicies', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Only those the signed-in person may create, draft and publish policy documents for (none for visitors).',
    })
    viewerCanAuthorPolicies: boolean,
    @OptionalViewer() viewer: Viewer | null,
  ): Promise<OrganisationModel[]> {
    const organisations = await this.accounts.listOrganisations();
    if (!viewerCanAuthorPolicies) return organisations;
    // The permission policy decides from the grants loaded with the session; nothing to read.
    return organisations.filter((organisation) => can(viewer, 'author-policies', { kind: 'organisation', organisationId: organisation.id }).allowed);
  }

  @ResolveField(() => [AffiliationModel])
  affiliations(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders): Promise<AffiliationModel[]> {
    return loaders
      .get<string, AffiliationRow[]>('affiliations.byUserId', async (ids) =>
        groupByKeys(ids, await this.accounts.affiliationsByUserIds(ids), (row) => row.userId),
      )
      .load(user.id);
  }
}

@Resolver(() => MeModel)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => MeModel, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Context() ctx: RequestContext): Promise<MeModel | null> {
    if (!ctx.viewer) return null;
    const user = await this.accounts.findUser(ctx.viewer.id);
    return user ? { user: toUserModel(user), email: user.email, role: user.role } : null;
  }

  @Mutation(() => AuthPayloadModel)
  async signUp(@Args('input') input: SignUpInput, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    const { user, token } = await this.accounts.signUpFrom(clientAddressOf(ctx.req), input);
    setSessionCookie(ctx.res, this.config, token);
    return { user: toUserModel(user), token };
  }

  @Mutation(() => AuthPayloadModel)
  async signIn(@Args('input') input: SignInInput, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    const { user, token } = await this.accounts.signIn(input, clientAddressOf(ctx.req));
    setSessionCookie(ctx.res, this.config, token);
    return { user: toUserModel(user), token };
  }

  @Mutation(() => Boolean, {
    description: 'Mails a single-use link to set a new password when the address has an account. Always true, so it never tells whether an address has one.',
  })
  async requestPasswordReset(@Args('email', { type: () => String }) email: string, @Context() ctx: RequestContext): Promise<boolean> {
    await this.accounts.requestPasswordReset(email, clientAddressOf(ctx.req));
    return true;
  }

  @Mutation(() => AuthPayloadModel, { description: 'Sets a new password from an emailed link; ends every other session and signs in here.' })
  async resetPassword(@Args('input') input: ResetPasswordInput, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    const { user, token } = await this.accounts.resetPassword(input);
    setSessionCookie(ctx.res, this.config, token);
    return { user: toUserModel(user), token };
  }

  @Mutation(() => Boolean)
  async signOut(@Context() ctx: RequestContext): Promise<boolean> {
    if (ctx.viewer) await this.accounts.signOut(ctx.viewer);
    clearSessionCookie(ctx.res, this.config);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in person, this one included.' })
  @UseGuards(SignedInGuard)
  async signOutEverywhere(@CurrentViewer() viewer: Viewer, @Context() ctx: RequestContext): Promise<boolean> {
    await this.accounts.signOutEverywhere(viewer);
    clearSessionCookie(ctx.res, this.config);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Changes the password after checking the current one; every other session ends, this one stays signed in.',
  })
  @UseGuards(SignedInGuard)
  async changePassword(@Args('input') input: ChangePasswordInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.accounts.changePassword(viewer, input);
    return true;
  }

  @Mutation(() => UserModel)
  @UseGuards(SignedInGuard)
  async setAffiliations(
    @Args('input', { type: () => [AffiliationInput] }, new ValidateEach(AffiliationInput)) input: AffiliationInput[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<UserModel> {
    return toUserModel(await this.accounts.setAffiliations(viewer, input));
  }
}
