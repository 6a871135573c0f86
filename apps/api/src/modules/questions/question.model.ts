import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination.js';

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

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Markdown.' })
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

  communityId: string;
  authorId: string;
  acceptedAnswerId: string | null;
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
