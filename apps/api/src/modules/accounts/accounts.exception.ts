import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum AccountsExceptionCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WRONG_CREDENTIALS = 'WRONG_CREDENTIALS',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  DUPLICATE_AFFILIATION = 'DUPLICATE_AFFILIATION',
}

const publicCodes: Record<AccountsExceptionCode, PublicErrorCode> = {
  [AccountsExceptionCode.EMAIL_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.WRONG_CREDENTIALS]: PublicErrorCode.UNAUTHENTICATED,
  [AccountsExceptionCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [AccountsExceptionCode.ORGANISATION_NOT_FOUND]: PublicErrorCode.BAD_USER_INPUT,
  [AccountsExceptionCode.DUPLICATE_AFFILIATION]: PublicErrorCode.BAD_USER_INPUT,
};

export class AccountsException extends DomainException<AccountsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
