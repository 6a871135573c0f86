import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UserRole } from './user.entity.js';

registerEnumType(UserRole, { name: 'UserRole', description: 'What a person may moderate.' });

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;
}

@ObjectType('Affiliation')
export class AffiliationModel {
  @Field(() => OrganisationModel)
  organisation: OrganisationModel;

  @Field(() => String, { description: 'e.g. "employee", "school governor", "parish councillor", "policy author"' })
  role: string;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'For an erased account: "a deleted member".' })
  displayName: string;

  @Field(() => GraphQLISODateTime, { description: 'When the account was created.' })
  createdAt: Date;

  @Field(() => Boolean, { description: 'True once the account was erased: nothing personal is left, its posts stay attributed to "a deleted member".' })
  isDeleted: boolean;
}

/** The signed-in user, with what only they may see. */
@ObjectType('Me')
export class MeModel {
  @Field(() => UserModel)
  user: UserModel;

  @Field(() => String)
  email: string;

  @Field(() => UserRole)
  role: UserRole;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field(() => UserModel)
  user: UserModel;

  @Field(() => String, { description: 'Works as "Authorization: Bearer <token>" for API clients.' })
  token: string;
}
