import { Module } from '@nestjs/common';
import { PoliciesResolver, PolicyVersionsResolver } from './policies.resolver.js';
import { PoliciesService } from './policies.service.js';

@Module({
  providers: [PoliciesService, PoliciesResolver, PolicyVersionsResolver],
  exports: [PoliciesService],
})
export class PoliciesModule {}
