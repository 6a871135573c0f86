import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum AccountsExceptionCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WRONG_CREDENTIALS = 'WRONG_CREDENTIALS',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  DUPLICATE_AFFILIATION = 'DUPLICATE_AFFILIATION',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  RESET_LINK_INVALID = 'RESET_LINK_INVALID',
  INVALID_EMAIL = 'INVALID_EMAIL',
  ALREADY_ERASED = 'ALREADY_ERASED',
  TOO_MANY_LINKS = 'TOO_MANY_LINKS',
  SAME_PASSWORD = 'SAME_PASSWORD',
}

const publicCodes: Record<AccountsExceptionCode, PublicErrorCode> = {
  [AccountsExceptionCode.EMAIL_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.WRONG_CREDENTIALS]: PublicErrorCode.UNAUTHENTICATED,
  [AccountsExceptionCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [AccountsExceptionCode.ORGANISATION_NOT_FOUND]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.DUPLICATE_AFFILIATION]: PublicErrorCode.BAD_USER_INPUT,
  // The person is signed in: a wrong password here is a mistyped field, not a failed sign-in.
  [AccountsExceptionCode.WRONG_PASSWORD]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.RESET_LINK_INVALID]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.INVALID_EMAIL]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.ALREADY_ERASED]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.TOO_MANY_LINKS]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.SAME_PASSWORD]: PublicErrorCode.BAD_USER_INPUT,
};

export class AccountsException extends DomainException<AccountsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
