import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType()
export class AskQuestionInput {
  @Field(() => ID)
  @IsString()
  communityId: string;

  @Field(() => String)
  @IsString()
  @Length(10, 200, { message: 'Title must be 10 to 200 characters.' })
  @Matches(/\S/, { message: 'Title cannot be blank.' })
  title: string;

  @Field(() => String, { description: 'Markdown, up to 30,000 characters.' })
  @IsString()
  @Matches(/\S/, { message: 'Body cannot be blank.' })
  @MaxLength(30000, { message: 'Body must be at most 30,000 characters.' })
  body: string;

  @Field(() => [String], { description: '1 to 5 lowercase slugs.' })
  @IsString({ each: true })
  tags: string[];
}

@InputType()
export class EditQuestionInput {
  @Field(() => ID)
  @IsString()
  questionId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(10, 200, { message: 'Title must be 10 to 200 characters.' })
  @Matches(/\S/, { message: 'Title cannot be blank.' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'Body cannot be blank.' })
  @MaxLength(30000, { message: 'Body must be at most 30,000 characters.' })
  body?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  tags?: string[];
}

@InputType()
export class QuestionFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  communitySlug?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  tag?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean;
}
