import { Module } from '@nestjs/common';
import { AccountsResolver, UsersResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { NewMemberLimits } from './new-member-limits.service.js';
import { SignInBackoff } from './sign-in-backoff.js';

@Module({
  providers: [AccountsService, AccountsResolver, UsersResolver, NewMemberLimits, SignInBackoff],
  exports: [AccountsService, NewMemberLimits],
})
export class AccountsModule {}
