import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

/** One state of a question or answer as it was published; `editedBy` is resolved per item. */
@ObjectType('PostRevision')
export class PostRevisionModel {
  @Field(() => Int, { description: '1 for the text as first posted, then one more per edit.' })
  revision: number;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String)
  body: string;

  @Field(() => [String], { nullable: true, description: 'The question tags at this revision (questions only).' })
  tags: string[] | null;

  @Field(() => GraphQLISODateTime)
  editedAt: Date;

  editedById: string;
}
