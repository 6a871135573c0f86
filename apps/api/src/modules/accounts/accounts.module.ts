import { Module } from '@nestjs/common';
import { RateLimiter } from '../../common/rate-limiter.js';
import { AccountsResolver, UsersResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';

@Module({
  providers: [AccountsService, AccountsResolver, UsersResolver, RateLimiter],
  exports: [AccountsService],
})
export class AccountsModule {}
