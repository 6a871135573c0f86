import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  async robots(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(req, reply, { contentType: 'text/plain', body: this.sitemaps.robotsTxt(), maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS });
  }

  @Get('sitemap.xml')
  async index(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(req, reply, { contentType: 'application/xml', body: renderSitemapIndex(await this.sitemaps.index()), maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS });
  }

  @Get('sitemaps/:section.xml')
  async file(@Param('section') section: string, @Query('after') after: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const urls = after === undefined || typeof after === 'string' ? await this.sitemaps.file(section, after) : null;
    if (!urls) {
      await sendNotFound(reply, 'sitemap');
      return;
    }
    await sendCacheable(req, reply, { contentType: 'application/xml', body: renderUrlSet(urls), maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS });
  }
}
