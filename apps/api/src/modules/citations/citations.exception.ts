import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum CitationsExceptionCode {
  MALFORMED_REFERENCE = 'MALFORMED_REFERENCE',
  UNRESOLVED_REFERENCE = 'UNRESOLVED_REFERENCE',
  NOT_CITED = 'NOT_CITED',
  ALREADY_CURRENT = 'ALREADY_CURRENT',
  SECTION_REMOVED = 'SECTION_REMOVED',
  TOO_MANY_REFERENCES = 'TOO_MANY_REFERENCES',
}

const publicCodes: Record<CitationsExceptionCode, PublicErrorCode> = {
  [CitationsExceptionCode.MALFORMED_REFERENCE]: PublicErrorCode.BAD_USER_INPUT,
  [CitationsExceptionCode.UNRESOLVED_REFERENCE]: PublicErrorCode.BAD_USER_INPUT,
  [CitationsExceptionCode.NOT_CITED]: PublicErrorCode.BAD_USER_INPUT,
  [CitationsExceptionCode.ALREADY_CURRENT]: PublicErrorCode.BAD_USER_INPUT,
  [CitationsExceptionCode.SECTION_REMOVED]: PublicErrorCode.BAD_USER_INPUT,
  [CitationsExceptionCode.TOO_MANY_REFERENCES]: PublicErrorCode.BAD_USER_INPUT,
};

export class CitationsException extends DomainException<CitationsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
