import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class AnswerQuestionInput {
  @Field(() => ID)
  @IsString()
  questionId: string;

  @Field(() => String, { description: 'Markdown, up to 30,000 characters.' })
  @IsString()
  @Matches(/\S/, { message: 'Answer cannot be blank.' })
  @MaxLength(30000, { message: 'Answer must be at most 30,000 characters.' })
  body: string;
}

@InputType()
export class EditAnswerInput {
  @Field(() => ID)
  @IsString()
  answerId: string;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Answer cannot be blank.' })
  @MaxLength(30000, { message: 'Answer must be at most 30,000 characters.' })
  body: string;
}
