import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum AnswersExceptionCode {
  ANSWER_NOT_FOUND = 'ANSWER_NOT_FOUND',
  POST_NOT_FOUND = 'POST_NOT_FOUND',
  NOT_THE_AUTHOR = 'NOT_THE_AUTHOR',
  NOT_THE_ASKER = 'NOT_THE_ASKER',
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
}

const publicCodes: Record<AnswersExceptionCode, PublicErrorCode> = {
  [AnswersExceptionCode.ANSWER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [AnswersExceptionCode.POST_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [AnswersExceptionCode.NOT_THE_AUTHOR]: PublicErrorCode.FORBIDDEN,
  [AnswersExceptionCode.NOT_THE_ASKER]: PublicErrorCode.FORBIDDEN,
  [AnswersExceptionCode.NOTHING_TO_CHANGE]: PublicErrorCode.BAD_USER_INPUT,
  [AnswersExceptionCode.NOT_ACCEPTED]: PublicErrorCode.BAD_USER_INPUT,
};

export class AnswersException extends DomainException<AnswersExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
