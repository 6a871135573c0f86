import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum PoliciesExceptionCode {
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  VERSION_NOT_FOUND = 'VERSION_NOT_FOUND',
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  NOT_A_POLICY_AUTHOR = 'NOT_A_POLICY_AUTHOR',
  SLUG_TAKEN = 'SLUG_TAKEN',
  INVALID_DRAFT = 'INVALID_DRAFT',
  /** The draft changed since the editor loaded it: a save would overwrite someone's work. */
  DRAFT_CONFLICT = 'DRAFT_CONFLICT',
  NO_DRAFT = 'NO_DRAFT',
  NOTHING_TO_PUBLISH = 'NOTHING_TO_PUBLISH',
  INVALID_HISTORY = 'INVALID_HISTORY',
  INVALID_REFERENCE = 'INVALID_REFERENCE',
  IMPORT_CONFLICT = 'IMPORT_CONFLICT',
}

const publicCodes: Record<PoliciesExceptionCode, PublicErrorCode> = {
  [PoliciesExceptionCode.DOCUMENT_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [PoliciesExceptionCode.VERSION_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [PoliciesExceptionCode.ORGANISATION_NOT_FOUND]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.NOT_A_POLICY_AUTHOR]: PublicErrorCode.FORBIDDEN,
  [PoliciesExceptionCode.SLUG_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.INVALID_DRAFT]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.DRAFT_CONFLICT]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.NO_DRAFT]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.NOTHING_TO_PUBLISH]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.INVALID_HISTORY]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.INVALID_REFERENCE]: PublicErrorCode.BAD_USER_INPUT,
  [PoliciesExceptionCode.IMPORT_CONFLICT]: PublicErrorCode.BAD_USER_INPUT,
};

export class PoliciesException extends DomainException<PoliciesExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
