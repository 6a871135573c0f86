import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum SubscriptionsExceptionCode {
  FOLLOW_TARGET_NOT_FOUND = 'FOLLOW_TARGET_NOT_FOUND',
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  WEEKDAY_REQUIRED = 'WEEKDAY_REQUIRED',
}

const publicCodes: Record<SubscriptionsExceptionCode, PublicErrorCode> = {
  [SubscriptionsExceptionCode.FOLLOW_TARGET_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [SubscriptionsExceptionCode.INVALID_TIME_ZONE]: PublicErrorCode.BAD_USER_INPUT,
  [SubscriptionsExceptionCode.WEEKDAY_REQUIRED]: PublicErrorCode.BAD_USER_INPUT,
};

export class SubscriptionsException extends DomainException<SubscriptionsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
