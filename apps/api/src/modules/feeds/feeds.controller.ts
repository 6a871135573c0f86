import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderAtomFeed, type AtomFeed } from './atom-feed.js';
import { FeedsService } from './feeds.service.js';
import { sendCacheable, sendNotFound } from '../../common/http-cache.js';

/** Feed readers poll; five minutes old is fresh enough, and a proxy in front can answer most polls. */
const FEED_MAX_AGE_SECONDS = 300;

/** Atom feeds (paths in feedPaths), plain HTTP beside GraphQL. */
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('questions.atom')
  async latestQuestions(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(req, reply, await this.feeds.latestQuestions());
  }

  @Get('communities/:slug.atom')
  async community(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(req, reply, await this.feeds.communityQuestions(slug));
  }

  @Get('tags/:slug.atom')
  async tag(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(req, reply, await this.feeds.tagQuestions(slug));
  }

  @Get('questions/:id/answers.atom')
  async answers(@Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(req, reply, await this.feeds.questionAnswers(id));
  }

  @Get('policies/:slug.atom')
  async policyDocument(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(req, reply, await this.feeds.documentVersions(slug));
  }

  @Get('policy-changes.atom')
  async policyChanges(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(req, reply, await this.feeds.policyChanges());
  }
}

/** Resolves once the answer has gone out (a FastifyReply is thenable), so Fastify never sees the handler end before it. */
async function send(req: FastifyRequest, reply: FastifyReply, feed: AtomFeed | null): Promise<void> {
  if (!feed) {
    await sendNotFound(reply, 'feed');
    return;
  }
  await sendCacheable(req, reply, { contentType: 'application/atom+xml', body: renderAtomFeed(feed), lastModified: feed.updated, maxAgeSeconds: FEED_MAX_AGE_SECONDS });
}
