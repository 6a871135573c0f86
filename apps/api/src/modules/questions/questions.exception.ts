import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum QuestionsExceptionCode {
  QUESTION_NOT_FOUND = 'QUESTION_NOT_FOUND',
  INVALID_TAGS = 'INVALID_TAGS',
  NOT_THE_AUTHOR = 'NOT_THE_AUTHOR',
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
}

const publicCodes: Record<QuestionsExceptionCode, PublicErrorCode> = {
  [QuestionsExceptionCode.QUESTION_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [QuestionsExceptionCode.INVALID_TAGS]: PublicErrorCode.BAD_USER_INPUT,
  [QuestionsExceptionCode.NOT_THE_AUTHOR]: PublicErrorCode.FORBIDDEN,
  [QuestionsExceptionCode.NOTHING_TO_CHANGE]: PublicErrorCode.BAD_USER_INPUT,
};

export class QuestionsException extends DomainException<QuestionsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
