import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../../config/config.module.js';
import { HTML_CONTENT_TYPE, htmlPage } from '../../common/html-page.js';
import { defaultWebDistDir, webStylesheets } from '../../common/web-build.js';
import type { AppConfig } from '../../config/app-config.js';
import { DigestsService } from './digests.service.js';

/** The link in a confirmation mail. As with unsubscribing, a GET only shows a button: link scanners must not confirm. */
@Controller('email-confirmation')
export class EmailConfirmationController {
  constructor(
    private readonly digests: DigestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    reply.header('Cache-Control', 'no-store');
    if (!(await this.digests.userForConfirmationToken(this.config.appSecret, token))) {
      await reply.code(400).type(HTML_CONTENT_TYPE).send(this.invalid());
      return;
    }
    await reply
      .code(200)
      .type(HTML_CONTENT_TYPE)
      .send(
        this.page(
          'Confirm your email address',
          `<p>Digests will be sent to this address once you confirm it.</p><form method="post" action="/email-confirmation/${encodeURIComponent(token)}"><button type="submit" class="primary">Confirm</button></form>`,
        ),
      );
  }

  @Post(':token')
  @HttpCode(200)
  async confirm(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    reply.header('Cache-Control', 'no-store');
    const userId = await this.digests.userForConfirmationToken(this.config.appSecret, token);
    if (!userId) {
      await reply.code(400).type(HTML_CONTENT_TYPE).send(this.invalid());
      return;
    }
    await this.digests.confirmEmail(userId);
    await reply
      .code(200)
      .type(HTML_CONTENT_TYPE)
      .send(this.page('Email address confirmed', `<p>Your digests will come to this address. <a href="${this.config.publicUrl}/settings/notifications">Notification settings</a></p>`));
  }

  /** The page in the site's layout, with the web build's stylesheet. */
  private page(title: string, body: string): string {
    return htmlPage(title, body, webStylesheets(this.config.webDistDir ?? defaultWebDistDir()));
  }

  private invalid(): string {
    return this.page(
      'This confirmation link does not work',
      `<p>The link is incomplete, was changed, is more than a week old, or was sent to an address you no longer use. Nothing has been changed. Ask for a new one in <a href="${this.config.publicUrl}/settings/notifications">your notification settings</a>.</p>`,
    );
  }
}
