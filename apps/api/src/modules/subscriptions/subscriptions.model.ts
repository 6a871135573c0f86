import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FollowKind {
  COMMUNITY = 'COMMUNITY',
  TAG = 'TAG',
  QUESTION = 'QUESTION',
  POLICY_DOCUMENT = 'POLICY_DOCUMENT',
}

export enum DigestFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  OFF = 'OFF',
}

registerEnumType(FollowKind, { name: 'FollowKind' });
registerEnumType(DigestFrequency, { name: 'DigestFrequency' });

@ObjectType('Follow')
export class FollowModel {
  @Field(() => FollowKind)
  kind: FollowKind;

  @Field(() => ID)
  targetId: string;

  @Field(() => String)
  label: string;
}

@ObjectType('NotificationSettings')
export class NotificationSettingsModel {
  @Field(() => DigestFrequency)
  digestFrequency: DigestFrequency;

  @Field(() => Int, { nullable: true, description: '1 = Monday … 7 = Sunday, for WEEKLY' })
  digestWeekday: number | null;

  @Field(() => Int, { description: '0–23, local' })
  digestHour: number;

  @Field(() => String, { description: 'IANA, e.g. Europe/London' })
  timeZone: string;

  @Field(() => Boolean)
  autoWatch: boolean;

  @Field(() => Date, { nullable: true, description: 'Digests only go to a confirmed address.' })
  emailConfirmedAt: Date | null;
}
