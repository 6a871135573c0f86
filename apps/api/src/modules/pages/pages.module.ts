import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { PagesService } from './pages.service.js';

/** The web app's pages rendered on the server for the open web (see README.md). */
@Module({
  imports: [AccountsModule, QuestionsModule],
  providers: [PagesService],
  exports: [PagesService],
})
export class PagesModule {}
