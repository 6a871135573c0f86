import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendCacheable, sendNotFound } from '../../common/http-cache.js';
import { renderSitemapIndex, renderUrlSet } from './sitemap-xml.js';
import { SitemapsService } from './sitemaps.service.js';

/** Crawlers come back daily at most; an hour spares the database a walk per crawler. */
const SITEMAP_MAX_AGE_SECONDS = 3600;

/** robots.txt, /sitemap.xml (an index) and its files under /sitemaps/. */
@Controller()
export class SitemapsController {
  constructor(private readonly sitemaps: SitemapsService) {}

  @Get('robots.txt')
  robots(@Req() req: Request, @Res() res: Response): void {
    sendCacheable(req, res, { contentType: 'text/plain', body: this.sitemaps.robotsTxt(), maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS });
  }

  @Get('sitemap.xml')
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    sendCacheable(req, res, { contentType: 'application/xml', body: renderSitemapIndex(await this.sitemaps.index()), maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS });
  }

  @Get('sitemaps/:section.xml')
  async file(@Param('section') section: string, @Query('after') after: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const urls = after === undefined || typeof after === 'string' ? await this.sitemaps.file(section, after) : null;
    if (!urls) return sendNotFound(res, 'sitemap');
    sendCacheable(req, res, { contentType: 'application/xml', body: renderUrlSet(urls), maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS });
  }
}
