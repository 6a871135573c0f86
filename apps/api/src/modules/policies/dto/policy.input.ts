import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DOCUMENT_SLUG_PATTERN } from '@policy-commons/policies';
import { VersionBump } from '../policy.model.js';

/** The longest draft savePolicyDraft takes, in characters; the request body limit admits it (common/graphql-request-guard.ts). */
export const MAX_DRAFT_LENGTH = 200_000;

const SLUG_MESSAGE = 'Use lower-case letters and digits joined by single hyphens, e.g. social-media-policy.';

@InputType()
export class ContributorInput {
  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'A contributor needs a name.' })
  @MaxLength(120, { message: 'A contributor name must be at most 120 characters.' })
  name: string;

  @Field(() => String, { description: 'e.g. "Head of ICT"' })
  @IsString()
  @Matches(/\S/, { message: 'A contributor needs a role.' })
  @MaxLength(120, { message: 'A contributor role must be at most 120 characters.' })
  role: string;
}

@InputType()
export class CreatePolicyDocumentInput {
  @Field(() => String)
  @IsString()
  organisationSlug: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'The slug must be 1 to 100 characters.' })
  @Matches(DOCUMENT_SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'The title must be 1 to 200 characters.' })
  @Matches(/\S/, { message: 'The title cannot be blank.' })
  title: string;
}

@InputType()
export class SavePolicyDraftInput {
  @Field(() => ID)
  @IsString()
  documentId: string;

  @Field(() => String, { description: 'Markdown; its ## (and deeper) headings are the sections.' })
  @IsString()
  @Matches(/\S/, { message: 'The draft cannot be blank.' })
  @MaxLength(MAX_DRAFT_LENGTH, { message: 'The draft must be at most 200,000 characters.' })
  markdown: string;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      "The draft's updatedAt as the editor loaded it (null: it loaded no draft). When given, the save is refused (BAD_USER_INPUT on expectedUpdatedAt) if the draft was saved or published elsewhere since, instead of overwriting that work. Left out, the save overwrites.",
  })
  @IsOptional()
  @IsDate({ message: 'expectedUpdatedAt must be a date and time.' })
  expectedUpdatedAt?: Date | null;
}

@InputType()
export class PublishPolicyVersionInput {
  @Field(() => ID)
  @IsString()
  documentId: string;

  @Field(() => VersionBump)
  @IsEnum(VersionBump)
  bump: VersionBump;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Say what changed in this version.' })
  @MaxLength(5000, { message: 'The summary of changes must be at most 5,000 characters.' })
  summaryOfChanges: string;

  @Field(() => [ContributorInput])
  @ValidateNested({ each: true })
  @Type(() => ContributorInput)
  @ArrayMaxSize(100)
  contributors: ContributorInput[];

  @Field(() => String, { nullable: true, description: "Attribution and reuse note; defaults to the previous version's." })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'The licence cannot be blank.' })
  @MaxLength(2000)
  licence?: string | null;

  @Field(() => String, { nullable: true, description: 'Shown to readers of earlier versions; a default notice names this version.' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'The superseded notice cannot be blank.' })
  @MaxLength(2000)
  supersededNotice?: string | null;
}

@InputType()
export class AdaptPolicyDocumentInput {
  @Field(() => String, { description: '<slug>@<version>, e.g. social-media-policy@2.0' })
  @IsString()
  source: string;

  @Field(() => String)
  @IsString()
  organisationSlug: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'The slug must be 1 to 100 characters.' })
  @Matches(DOCUMENT_SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'The title must be 1 to 200 characters.' })
  @Matches(/\S/, { message: 'The title cannot be blank.' })
  title: string;
}
