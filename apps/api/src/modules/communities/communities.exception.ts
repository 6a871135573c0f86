import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum CommunitiesExceptionCode {
  COMMUNITY_NOT_FOUND = 'COMMUNITY_NOT_FOUND',
  SLUG_TAKEN = 'SLUG_TAKEN',
  NOT_A_MODERATOR = 'NOT_A_MODERATOR',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
}

const publicCodes: Record<CommunitiesExceptionCode, PublicErrorCode> = {
  [CommunitiesExceptionCode.COMMUNITY_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [CommunitiesExceptionCode.SLUG_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [CommunitiesExceptionCode.NOT_A_MODERATOR]: PublicErrorCode.FORBIDDEN,
  [CommunitiesExceptionCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
};

export class CommunitiesException extends DomainException<CommunitiesExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
