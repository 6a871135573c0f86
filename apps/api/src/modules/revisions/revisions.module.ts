import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { RevisionsResolver } from './revisions.resolver.js';
import { RevisionsService } from './revisions.service.js';

@Module({
  imports: [AccountsModule],
  providers: [RevisionsService, RevisionsResolver],
  exports: [RevisionsService],
})
export class RevisionsModule {}
