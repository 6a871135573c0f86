import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class AddCommentInput {
  @Field(() => ID, { description: "A question's or an answer's id." })
  @IsString()
  postId: string;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Comment cannot be blank.' })
  @MaxLength(2000, { message: 'Comment must be at most 2,000 characters.' })
  body: string;
}
