import { UseGuards } from '@nestjs/common';
import { Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedInGuard } from '../../common/auth.js';
import { clientAddressOf } from '../../common/client-address.js';
import type { RequestContext, Viewer } from '../../common/request-context.js';
import { DigestsService } from './digests.service.js';

@Resolver()
export class DigestsResolver {
  constructor(private readonly digests: DigestsService) {}

  @Mutation(() => Boolean, {
    description:
      "Sends the signed-in user's digest now, as a preview of the coming period; it does not count as that period's digest. False when there is nothing new to show.",
  })
  @UseGuards(SignedInGuard)
  sendMyDigestNow(@CurrentViewer() viewer: Viewer, @Context() ctx: RequestContext): Promise<boolean> {
    return this.digests.requestPreview(viewer.id, clientAddressOf(ctx.req));
  }

  @Mutation(() => Boolean, { description: 'Mails the signed-in user a link that confirms their address for digests. False when it is confirmed already.' })
  @UseGuards(SignedInGuard)
  sendEmailConfirmation(@CurrentViewer() viewer: Viewer, @Context() ctx: RequestContext): Promise<boolean> {
    return this.digests.requestEmailConfirmation(viewer.id, clientAddressOf(ctx.req));
  }
}
