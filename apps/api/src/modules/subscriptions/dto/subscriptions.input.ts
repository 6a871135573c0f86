import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DigestFrequency, FollowKind } from '../subscriptions.model.js';

@InputType()
export class FollowInput {
  @Field(() => FollowKind)
  @IsEnum(FollowKind)
  kind: FollowKind;

  @Field(() => ID, { description: "The community's, tag's, question's or policy document's id (a community, tag or document slug works too)." })
  @IsString()
  @MaxLength(200)
  targetId: string;
}

@InputType()
export class NotificationSettingsInput {
  @Field(() => DigestFrequency)
  @IsEnum(DigestFrequency)
  digestFrequency: DigestFrequency;

  @Field(() => Int, { nullable: true, description: '1 = Monday … 7 = Sunday; required for WEEKLY' })
  @IsOptional()
  @IsInt({ message: 'The weekday is a number from 1 (Monday) to 7 (Sunday).' })
  @Min(1, { message: 'The weekday is a number from 1 (Monday) to 7 (Sunday).' })
  @Max(7, { message: 'The weekday is a number from 1 (Monday) to 7 (Sunday).' })
  digestWeekday?: number | null;

  @Field(() => Int, { description: '0–23, in timeZone' })
  @IsInt({ message: 'The hour is a whole number from 0 to 23.' })
  @Min(0, { message: 'The hour is a whole number from 0 to 23.' })
  @Max(23, { message: 'The hour is a whole number from 0 to 23.' })
  digestHour: number;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/London' })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  autoWatch?: boolean | null;
}
