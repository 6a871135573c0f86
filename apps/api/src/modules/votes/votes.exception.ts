import { DomainException, PublicErrorCode } from '../../common/errors.js';

export enum VotesExceptionCode {
  OWN_POST = 'OWN_POST',
}

export class VotesException extends DomainException<VotesExceptionCode> {
  readonly publicCode = PublicErrorCode.FORBIDDEN;
}
