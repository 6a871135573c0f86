import { Module } from '@nestjs/common';
import { RateLimiter } from '../../common/rate-limiter.js';
import { AccountsResolver, UsersResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { NewMemberLimits } from './new-member-limits.service.js';
import { SignInBackoff } from './sign-in-backoff.js';

@Module({
  providers: [AccountsService, AccountsResolver, UsersResolver, RateLimiter, NewMemberLimits, SignInBackoff],
  exports: [AccountsService, NewMemberLimits],
})
export class AccountsModule {}
