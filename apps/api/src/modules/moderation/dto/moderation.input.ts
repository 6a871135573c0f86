import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CloseReason } from '../../questions/question.entity.js';
import { FlagOutcome, FlagReason } from '../moderation.model.js';

@InputType()
export class FlagPostInput {
  @Field(() => ID, { description: "A question's, an answer's or a comment's id." })
  @IsString()
  postId: string;

  @Field(() => FlagReason)
  @IsEnum(FlagReason)
  reason: FlagReason;

  @Field(() => String, { nullable: true, description: 'Required when the reason is OTHER.' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'The note must be at most 500 characters.' })
  note?: string | null;
}

@InputType()
export class CloseQuestionInput {
  @Field(() => ID)
  @IsString()
  questionId: string;

  @Field(() => CloseReason)
  @IsEnum(CloseReason)
  reason: CloseReason;

  @Field(() => ID, { nullable: true, description: 'Required when closing as a duplicate: the question it duplicates.' })
  @IsOptional()
  @IsString()
  duplicateOfId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'The note must be at most 500 characters.' })
  note?: string | null;
}

@InputType()
export class ResolveFlagsInput {
  @Field(() => ID)
  @IsString()
  postId: string;

  @Field(() => FlagOutcome)
  @IsEnum(FlagOutcome)
  outcome: FlagOutcome;

  @Field(() => String, { nullable: true, description: "Shown on the tombstone; when left out, the flags' most common reason." })
  @IsOptional()
  @IsString()
  @MaxLength(400, { message: 'The reason must be at most 400 characters.' })
  reason?: string | null;
}

@InputType()
export class ModeratePostInput {
  @Field(() => ID)
  @IsString()
  postId: string;

  @Field(() => String, { nullable: true, description: "Shown on the tombstone; required when a moderator hides or deletes someone else's post." })
  @IsOptional()
  @IsString()
  @MaxLength(400, { message: 'The reason must be at most 400 characters.' })
  reason?: string | null;
}

@InputType()
export class SuspendMemberInput {
  @Field(() => ID)
  @IsString()
  userId: string;

  @Field(() => Int, { description: '1 to 365.' })
  @IsInt({ message: 'Suspend for a whole number of days.' })
  @Min(1, { message: 'Suspend for 1 to 365 days.' })
  @Max(365, { message: 'Suspend for 1 to 365 days.' })
  days: number;

  @Field(() => String, { description: 'Recorded in the moderation log.' })
  @IsString()
  @Matches(/\S/, { message: 'Say why the member is suspended.' })
  @MaxLength(400, { message: 'The reason must be at most 400 characters.' })
  reason: string;
}
