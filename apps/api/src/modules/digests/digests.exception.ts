import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum DigestsExceptionCode {
  EMAIL_NOT_CONFIRMED = 'EMAIL_NOT_CONFIRMED',
  DIGESTS_TURNED_OFF = 'DIGESTS_TURNED_OFF',
}

// The person may ask; their settings are not yet (or no longer) ones we mail under. Not
// FORBIDDEN: that answer is the permission policy's, and changing a setting lifts this one.
const publicCodes: Record<DigestsExceptionCode, PublicErrorCode> = {
  [DigestsExceptionCode.EMAIL_NOT_CONFIRMED]: PublicErrorCode.BAD_USER_INPUT,
  [DigestsExceptionCode.DIGESTS_TURNED_OFF]: PublicErrorCode.BAD_USER_INPUT,
};

export class DigestsException extends DomainException<DigestsExceptionCode> {
  get publicCode(): PublicErrorCode {
    return publicCodes[this.code];
  }
}
