import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';
import { SLUG_PATTERN } from '../../../common/slugs.js';

@InputType()
export class CreateCommunityInput {
  @Field(() => String)
  @IsString()
  @Length(3, 60, { message: 'Slug must be 3 to 60 characters.' })
  @Matches(SLUG_PATTERN, { message: 'Slug may use lowercase letters, digits and single hyphens, e.g. social-media-in-local-government.' })
  slug: string;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, { message: 'Title cannot be blank.' })
  @Length(3, 100, { message: 'Title must be 3 to 100 characters.' })
  title: string;

  @Field(() => String)
  @IsString()
  @Length(0, 2000, { message: 'Description must be at most 2,000 characters.' })
  description: string;
}
