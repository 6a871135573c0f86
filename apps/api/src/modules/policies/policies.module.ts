import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PoliciesResolver, PolicyVersionsResolver } from './policies.resolver.js';
import { PoliciesService } from './policies.service.js';

@Module({
  imports: [OutboxModule],
  providers: [PoliciesService, PoliciesResolver, PolicyVersionsResolver],
  exports: [PoliciesService],
})
export class PoliciesModule {}
