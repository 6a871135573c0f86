import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Community')
export class CommunityModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;
}
