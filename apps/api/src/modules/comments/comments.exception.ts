import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum CommentsExceptionCode {
  COMMENT_NOT_FOUND = 'COMMENT_NOT_FOUND',
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
}

const publicCodes: Record<CommentsExceptionCode, PublicErrorCode> = {
  [CommentsExceptionCode.COMMENT_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [CommentsExceptionCode.NOTHING_TO_CHANGE]: PublicErrorCode.BAD_USER_INPUT,
};

export class CommentsException extends DomainException<CommentsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
