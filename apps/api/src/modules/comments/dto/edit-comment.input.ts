import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  @IsString()
  commentId: string;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Comment cannot be blank.' })
  @MaxLength(2000, { message: 'Comment must be at most 2,000 characters.' })
  body: string;
}
