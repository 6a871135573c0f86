import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG } from '../../config/config.module.js';
import { htmlPage as page } from '../../common/html-page.js';
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
  async show(@Param('token') token: string, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!(await this.digests.userForConfirmationToken(this.config.appSecret, token))) {
      res.status(400).type('html').send(this.invalid());
      return;
    }
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Confirm your email address',
          `<p>Digests will be sent to this address once you confirm it.</p><form method="post" action="/email-confirmation/${encodeURIComponent(token)}"><button type="submit">Confirm</button></form>`,
        ),
      );
  }

  @Post(':token')
  @HttpCode(200)
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const userId = await this.digests.userForConfirmationToken(this.config.appSecret, token);
    if (!userId) {
      res.status(400).type('html').send(this.invalid());
      return;
    }
    await this.digests.confirmEmail(userId);
    res
      .status(200)
      .type('html')
      .send(page('Email address confirmed', `<p>Your digests will come to this address. <a href="${this.config.publicUrl}/settings/notifications">Notification settings</a></p>`));
  }

  private invalid(): string {
    return page(
      'This confirmation link does not work',
      `<p>The link is incomplete, was changed, is more than a week old, or was sent to an address you no longer use. Nothing has been changed. Ask for a new one in <a href="${this.config.publicUrl}/settings/notifications">your notification settings</a>.</p>`,
    );
  }
}
