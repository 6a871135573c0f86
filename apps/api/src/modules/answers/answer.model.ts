import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Answer')
export class AnswerModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Markdown.' })
  body: string;

  @Field(() => Int)
  score: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  questionId: string;
  authorId: string;
}
