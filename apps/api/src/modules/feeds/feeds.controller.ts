import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
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
  async latestQuestions(@Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.latestQuestions());
  }

  @Get('communities/:slug.atom')
  async community(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.communityQuestions(slug));
  }

  @Get('tags/:slug.atom')
  async tag(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.tagQuestions(slug));
  }

  @Get('questions/:id/answers.atom')
  async answers(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.questionAnswers(id));
  }

  @Get('policies/:slug.atom')
  async policyDocument(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.documentVersions(slug));
  }

  @Get('policy-changes.atom')
  async policyChanges(@Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.policyChanges());
  }
}

function send(req: Request, res: Response, feed: AtomFeed | null): void {
  if (!feed) return sendNotFound(res, 'feed');
  sendCacheable(req, res, { contentType: 'application/atom+xml', body: renderAtomFeed(feed), lastModified: feed.updated, maxAgeSeconds: FEED_MAX_AGE_SECONDS });
}
