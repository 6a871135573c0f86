import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@InputType()
export class CommunityModeratorInput {
  @Field(() => ID)
  @IsString()
  communityId: string;

  @Field(() => ID)
  @IsString()
  userId: string;
}
