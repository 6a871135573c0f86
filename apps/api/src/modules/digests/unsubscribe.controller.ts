import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../../config/config.module.js';
import { HTML_CONTENT_TYPE, htmlPage } from '../../common/html-page.js';
import { defaultWebDistDir, webStylesheets } from '../../common/web-build.js';
import type { AppConfig } from '../../config/app-config.js';
import { DigestsService } from './digests.service.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

/**
 * One-click unsubscribe from digests (RFC 8058), without signing in. Only POST changes
 * anything: mail scanners and link previewers GET every link they see, so a GET shows a
 * page with a button instead.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly digests: DigestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async confirm(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const userId = verifyUnsubscribeToken(this.config.appSecret, token);
    reply.header('Cache-Control', 'no-store');
    if (!userId || (await this.digests.isSubscribed(userId)) === null) {
      await reply.code(400).type(HTML_CONTENT_TYPE).send(this.invalid());
      return;
    }
    await reply
      .code(200)
      .type(HTML_CONTENT_TYPE)
      .send(
        this.page(
          'Unsubscribe from digests?',
          `<p>You will stop getting Policy Commons digest emails. In-app notifications are not affected, and you can turn digests back on in your settings.</p>` +
            `<form method="post" action="/unsubscribe/${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" class="primary">Unsubscribe</button></form>`,
        ),
      );
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const userId = verifyUnsubscribeToken(this.config.appSecret, token);
    reply.header('Cache-Control', 'no-store');
    if (!userId || (await this.digests.isSubscribed(userId)) === null) {
      await reply.code(400).type(HTML_CONTENT_TYPE).send(this.invalid());
      return;
    }
    await this.digests.unsubscribe(userId);
    await reply
      .code(200)
      .type(HTML_CONTENT_TYPE)
      .send(this.page('You are unsubscribed', `<p>You will get no more digest emails. You can turn them back on at <a href="${this.config.publicUrl}/settings/notifications">your notification settings</a>.</p>`));
  }

  /** The page in the site's layout, with the web build's stylesheet. */
  private page(title: string, body: string): string {
    return htmlPage(title, body, webStylesheets(this.config.webDistDir ?? defaultWebDistDir()));
  }

  private invalid(): string {
    return this.page(
      'This unsubscribe link does not work',
      `<p>The link is incomplete, was changed, or is too old. Nothing has been changed. Sign in and use <a href="${this.config.publicUrl}/settings/notifications">your notification settings</a> to stop digests.</p>`,
    );
  }
}
