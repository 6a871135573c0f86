import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Answer')
export class AnswerModel {
  @Field(() => ID)
  id: string;

  /** The stored text; the `body` field shows it only to those who may read the answer. */
  body: string;

  @Field(() => Int)
  score: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  questionId: string;
  authorId: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  removalReason: string | null;
  reviewRequestedAt: Date | null;
}
