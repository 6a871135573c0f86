import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';

/** Text shown to other people: no control characters (PostgreSQL refuses NUL outright). */
const NoControlCharacters = (what: string) =>
  // eslint-disable-next-line no-control-regex
  Matches(/^[^\u0000-\u001f\u007f]*$/, { message: `${what} cannot contain control characters such as line breaks.` });

/** The one password rule, for signing up and for choosing a new password. */
const NewPassword = () =>
  applyDecorators(
    IsString(),
    MinLength(10, { message: 'Password must be at least 10 characters.' }),
    MaxLength(200, { message: 'Password must be at most 200 characters.' }),
  );

@InputType()
export class SignUpInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Enter an email address like name@example.org.' })
  @MaxLength(254, { message: 'That email address is too long.' })
  email: string;

  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: 'Display name must be 1 to 80 characters.' })
  @NoControlCharacters('Display name')
  @Matches(/\S/, { message: 'Display name cannot be blank.' })
  displayName: string;

  @Field(() => String)
  @NewPassword()
  password: string;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254, { message: 'That email address is too long.' })
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'Enter an email address like name@example.org.' })
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password: string;
}

@InputType()
export class AffiliationInput {
  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'Choose an organisation.' })
  organisationSlug: string;

  @Field(() => String)
  @IsString()
  // class-validator runs these bottom-up and reports the first that fails: blank before too long.
  @Length(1, 80, { message: 'Role must be 1 to 80 characters.' })
  @NoControlCharacters('Role')
  @Matches(/\S/, { message: 'Role cannot be blank.' })
  role: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Type your current password.' })
  @MaxLength(200, { message: 'That is not your current password.' })
  currentPassword: string;

  @Field(() => String)
  @NewPassword()
  newPassword: string;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the emailed link.' })
  @IsString()
  @MaxLength(200, { message: 'That reset link is not valid. Ask for a new one.' })
  token: string;

  @Field(() => String)
  @NewPassword()
  newPassword: string;
}
