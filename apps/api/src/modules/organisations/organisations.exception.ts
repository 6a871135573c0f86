import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum OrganisationsExceptionCode {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  REQUEST_NOT_FOUND = 'REQUEST_NOT_FOUND',
  SLUG_TAKEN = 'SLUG_TAKEN',
  ROLE_ALREADY_HELD = 'ROLE_ALREADY_HELD',
  REQUEST_ALREADY_PENDING = 'REQUEST_ALREADY_PENDING',
  REQUEST_NOT_PENDING = 'REQUEST_NOT_PENDING',
  LAST_ORG_ADMIN = 'LAST_ORG_ADMIN',
}

const publicCodes: Record<OrganisationsExceptionCode, PublicErrorCode> = {
  [OrganisationsExceptionCode.ORGANISATION_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [OrganisationsExceptionCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [OrganisationsExceptionCode.REQUEST_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [OrganisationsExceptionCode.SLUG_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [OrganisationsExceptionCode.ROLE_ALREADY_HELD]: PublicErrorCode.BAD_USER_INPUT,
  [OrganisationsExceptionCode.REQUEST_ALREADY_PENDING]: PublicErrorCode.BAD_USER_INPUT,
  [OrganisationsExceptionCode.REQUEST_NOT_PENDING]: PublicErrorCode.BAD_USER_INPUT,
  [OrganisationsExceptionCode.LAST_ORG_ADMIN]: PublicErrorCode.BAD_USER_INPUT,
};

export class OrganisationsException extends DomainException<OrganisationsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
