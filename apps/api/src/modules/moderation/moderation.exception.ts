import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum ModerationExceptionCode {
  POST_NOT_FOUND = 'POST_NOT_FOUND',
  QUESTION_NOT_FOUND = 'QUESTION_NOT_FOUND',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  COMMUNITY_NOT_FOUND = 'COMMUNITY_NOT_FOUND',
  ALREADY_FLAGGED = 'ALREADY_FLAGGED',
  NOTE_REQUIRED = 'NOTE_REQUIRED',
  REASON_REQUIRED = 'REASON_REQUIRED',
  NOTHING_TO_RESOLVE = 'NOTHING_TO_RESOLVE',
  ALREADY_DONE = 'ALREADY_DONE',
  INVALID_DUPLICATE = 'INVALID_DUPLICATE',
  NOT_A_QUESTION = 'NOT_A_QUESTION',
}

const publicCodes: Record<ModerationExceptionCode, PublicErrorCode> = {
  [ModerationExceptionCode.POST_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ModerationExceptionCode.QUESTION_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ModerationExceptionCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ModerationExceptionCode.COMMUNITY_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ModerationExceptionCode.ALREADY_FLAGGED]: PublicErrorCode.BAD_USER_INPUT,
  [ModerationExceptionCode.NOTE_REQUIRED]: PublicErrorCode.BAD_USER_INPUT,
  [ModerationExceptionCode.REASON_REQUIRED]: PublicErrorCode.BAD_USER_INPUT,
  [ModerationExceptionCode.NOTHING_TO_RESOLVE]: PublicErrorCode.BAD_USER_INPUT,
  [ModerationExceptionCode.ALREADY_DONE]: PublicErrorCode.BAD_USER_INPUT,
  [ModerationExceptionCode.INVALID_DUPLICATE]: PublicErrorCode.BAD_USER_INPUT,
  [ModerationExceptionCode.NOT_A_QUESTION]: PublicErrorCode.BAD_USER_INPUT,
};

export class ModerationException extends DomainException<ModerationExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
