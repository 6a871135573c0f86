import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  /** The stored text; the `body` field shows it only to those who may read the comment. */
  body: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last edited; null if never.' })
  editedAt: Date | null;

  authorId: string;
  questionId: string | null;
  answerId: string | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  removalReason: string | null;
  reviewRequestedAt: Date | null;
}

/** One wording of an edited comment; `editedBy` is resolved per item. */
@ObjectType('CommentRevision')
export class CommentRevisionModel {
  @Field(() => Int, { description: '1 for the text as first posted, then one more per edit.' })
  revision: number;

  @Field(() => String)
  body: string;

  @Field(() => GraphQLISODateTime)
  editedAt: Date;

  editedById: string;
}
