import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import {
  MeOrganisationRolesResolver,
  OrganisationRoleChangesResolver,
  OrganisationRoleRequestsResolver,
  OrganisationsResolver,
  UserOrganisationRolesResolver,
} from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [AccountsModule],
  providers: [OrganisationsService, OrganisationsResolver, OrganisationRoleRequestsResolver, OrganisationRoleChangesResolver, UserOrganisationRolesResolver, MeOrganisationRolesResolver],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
