import { Module } from '@nestjs/common';
import { CommunitiesResolver } from './communities.resolver.js';
import { CommunitiesService } from './communities.service.js';

@Module({
  providers: [CommunitiesService, CommunitiesResolver],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
