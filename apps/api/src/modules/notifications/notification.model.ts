import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'NEW_ANSWER, ANSWER_ACCEPTED, NEW_COMMENT or CITED_SECTION_CHANGED' })
  kind: string;

  @Field(() => String)
  message: string;

  @Field(() => String)
  url: string;

  @Field(() => Boolean)
  read: boolean;

  @Field(() => Date)
  createdAt: Date;
}
