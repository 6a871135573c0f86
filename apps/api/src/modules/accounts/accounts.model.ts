import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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

  @Field(() => String)
  displayName: string;
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
