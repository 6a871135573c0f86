import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { VoteValue } from '../vote-value.js';

@InputType()
export class VoteInput {
  @Field(() => ID, { description: "A question's or an answer's id." })
  @IsString()
  postId: string;

  @Field(() => VoteValue, { description: 'NONE withdraws a vote.' })
  @IsEnum(VoteValue)
  value: VoteValue;
}
