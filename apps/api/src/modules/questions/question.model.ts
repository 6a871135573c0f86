import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination.js';
import { CloseReason } from './question.entity.js';

registerEnumType(CloseReason, { name: 'CloseReason' });

export enum QuestionOrder {
  NEWEST = 'NEWEST',
  ACTIVE = 'ACTIVE',
}
registerEnumType(QuestionOrder, { name: 'QuestionOrder' });

@ObjectType('Tag')
export class TagModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;
}

/** Scalar fields of a question; relations are resolved per item through DataLoaders. */
@ObjectType('Question')
export class QuestionModel {
  @Field(() => ID)
  id: string;

  /** The stored title and body; the `title` and `body` fields show them only to those who may read the question. */
  title: string;
  body: string;

  @Field(() => Int)
  score: number;

  @Field(() => Int)
  viewCount: number;

  @Field(() => Int)
  answerCount: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was asked, edited, answered or commented on last.' })
  lastActivityAt: Date;

  @Field(() => CloseReason, { nullable: true, description: 'Why moderators closed it; null while it is open.' })
  closedReason: CloseReason | null;

  @Field(() => String, { nullable: true })
  closedNote: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => Boolean, { description: 'A locked question takes no new answers or comments.' })
  isLocked: boolean;

  communityId: string;
  authorId: string;
  acceptedAnswerId: string | null;
  duplicateOfId: string | null;
  lockedAt: Date | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  removalReason: string | null;
  reviewRequestedAt: Date | null;
}

@ObjectType('QuestionEdge')
export class QuestionEdge {
  @Field(() => QuestionModel)
  node: QuestionModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('QuestionConnection')
export class QuestionConnection {
  @Field(() => [QuestionEdge])
  edges: QuestionEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
