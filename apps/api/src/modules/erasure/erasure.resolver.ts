import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedInGuard } from '../../common/auth.js';
import type { RequestContext, Viewer } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { clearSessionCookie } from '../accounts/session-cookie.js';
import { ErasureService } from './erasure.service.js';

@Resolver()
export class ErasureResolver {
  constructor(
    private readonly erasure: ErasureService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Erases the signed-in account: email, name, affiliations, roles, sessions, follows, settings and notifications. Posts stay, by "a deleted member", unless removePosts.',
  })
  @UseGuards(SignedInGuard)
  async deleteMyAccount(
    @Args('password', { type: () => String }) password: string,
    @Args('removePosts', { type: () => Boolean, nullable: true, defaultValue: false }) removePosts: boolean,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    await this.erasure.deleteOwnAccount(viewer, password, removePosts);
    clearSessionCookie(ctx.res, this.config);
    return true;
  }

  @Mutation(() => Boolean, { description: "A site admin erases someone's account on their request, as deleteMyAccount does." })
  @UseGuards(SignedInGuard)
  async eraseAccount(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('removePosts', { type: () => Boolean, nullable: true, defaultValue: false }) removePosts: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    await this.erasure.eraseOnRequest(viewer, userId, removePosts);
    return true;
  }
}
