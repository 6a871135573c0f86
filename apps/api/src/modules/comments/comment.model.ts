import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  body: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  authorId: string;
}
