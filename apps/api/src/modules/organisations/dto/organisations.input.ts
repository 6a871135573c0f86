import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { SLUG_PATTERN } from '../../../common/slugs.js';
import { OrganisationRole } from '../../access/access.policy.js';

@InputType()
export class CreateOrganisationInput {
  @Field(() => String)
  @IsString()
  @Length(3, 60, { message: 'Slug must be 3 to 60 characters.' })
  @Matches(SLUG_PATTERN, { message: 'Slug may use lowercase letters, digits and single hyphens, e.g. county-council.' })
  slug: string;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Name cannot be blank.' })
  @Length(2, 120, { message: 'Name must be 2 to 120 characters.' })
  name: string;
}

@InputType()
export class RequestOrganisationRoleInput {
  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'Choose an organisation.' })
  organisationSlug: string;

  @Field(() => OrganisationRole)
  @IsEnum(OrganisationRole, { message: 'Choose MEMBER, POLICY_AUTHOR or ORG_ADMIN.' })
  role: OrganisationRole;

  @Field(() => String, { nullable: true, description: "Why you ask, for the organisation's admins (at most 500 characters)." })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'The note must be at most 500 characters.' })
  note?: string | null;
}

@InputType()
export class DecideOrganisationRoleRequestInput {
  @Field(() => ID)
  @IsString()
  requestId: string;

  @Field(() => Boolean)
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Shown to the person who asked (at most 500 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'The note must be at most 500 characters.' })
  note?: string | null;
}

@InputType()
export class SetOrganisationRoleInput {
  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'Choose an organisation.' })
  organisationSlug: string;

  @Field(() => ID)
  @IsString()
  userId: string;

  @Field(() => OrganisationRole, { nullable: true, description: 'null revokes the role the person holds.' })
  @IsOptional()
  @IsEnum(OrganisationRole, { message: 'Choose MEMBER, POLICY_AUTHOR or ORG_ADMIN, or nothing to revoke.' })
  role?: OrganisationRole | null;

  @Field(() => String, { nullable: true, description: 'Kept on the record of role changes (at most 500 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'The reason must be at most 500 characters.' })
  reason?: string | null;
}
