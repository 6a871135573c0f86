import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationRole } from '../access/access.policy.js';
import { OrganisationModel, UserModel } from '../accounts/accounts.model.js';
import { RoleRequestStatus } from './organisation-roles.entity.js';

registerEnumType(OrganisationRole, {
  name: 'OrganisationRole',
  description: 'A role granted at an organisation; each includes the ones before it (MEMBER < POLICY_AUTHOR < ORG_ADMIN).',
});
registerEnumType(RoleRequestStatus, { name: 'RoleRequestStatus' });

@ObjectType('OrganisationMember')
export class OrganisationMemberModel {
  @Field(() => UserModel)
  user?: UserModel;

  @Field(() => OrganisationRole)
  role: OrganisationRole;

  @Field(() => GraphQLISODateTime, { description: 'When the role held now was granted.' })
  grantedAt: Date;

  userId: string;
}

@ObjectType('OrganisationMembership', { description: 'A role a person holds at an organisation.' })
export class OrganisationMembershipModel {
  @Field(() => OrganisationModel)
  organisation: OrganisationModel;

  @Field(() => OrganisationRole)
  role: OrganisationRole;
}

@ObjectType('OrganisationRoleRequest')
export class OrganisationRoleRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => OrganisationModel)
  organisation?: OrganisationModel;

  @Field(() => UserModel)
  user?: UserModel;

  @Field(() => OrganisationRole)
  role: OrganisationRole;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => RoleRequestStatus)
  status: RoleRequestStatus;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt: Date | null;

  @Field(() => UserModel, { nullable: true, description: 'The admin who approved or declined, or the person who withdrew.' })
  decidedBy?: UserModel | null;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  organisationId: string;
  userId: string;
  decidedById: string | null;
}

@ObjectType('OrganisationRoleChange', { description: 'One grant, change or revocation, on the append-only record.' })
export class OrganisationRoleChangeModel {
  @Field(() => ID)
  id: string;

  @Field(() => UserModel)
  user?: UserModel;

  @Field(() => UserModel, { nullable: true, description: 'Null: the system (a migration or the demo seed).' })
  actor?: UserModel | null;

  @Field(() => OrganisationRole, { nullable: true })
  fromRole: OrganisationRole | null;

  @Field(() => OrganisationRole, { nullable: true, description: 'Null: the role was revoked.' })
  toRole: OrganisationRole | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  userId: string;
  actorId: string | null;
}
