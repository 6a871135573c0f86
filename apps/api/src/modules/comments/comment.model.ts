import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  /** The stored text; the `body` field shows it only to those who may read the comment. */
  body: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  authorId: string;
  questionId: string | null;
  answerId: string | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  removalReason: string | null;
  reviewRequestedAt: Date | null;
}
