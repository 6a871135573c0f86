import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination.js';

@ObjectType('SearchHit')
export class SearchHitModel {
  @Field(() => String, { description: 'The matching text with the matched words in <mark>…</mark>; everything else is HTML-escaped.' })
  snippet: string;

  @Field(() => Float)
  rank: number;

  questionId: string;
  answerId: string | null;
}

@ObjectType('SearchHitEdge')
export class SearchHitEdge {
  @Field(() => SearchHitModel)
  node: SearchHitModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('SearchConnection')
export class SearchConnection {
  @Field(() => [SearchHitEdge])
  edges: SearchHitEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
