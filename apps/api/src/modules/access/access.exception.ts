import { DomainException, PublicErrorCode } from '../../common/errors.js';
import { can, type Action, type Actor, type Subject } from './access.policy.js';

export enum AccessExceptionCode {
  SIGN_IN_REQUIRED = 'SIGN_IN_REQUIRED',
  NOT_ALLOWED = 'NOT_ALLOWED',
}

/** A refusal by the permission policy, with its reason for the person refused. */
export class AccessException extends DomainException<AccessExceptionCode> {
  get publicCode(): PublicErrorCode {
    return this.code === AccessExceptionCode.SIGN_IN_REQUIRED ? PublicErrorCode.UNAUTHENTICATED : PublicErrorCode.FORBIDDEN;
  }
}

/** Throws the policy's refusal (UNAUTHENTICATED or FORBIDDEN) unless `actor` may do `action` to `subject`. */
export function authorize(actor: Actor | null, action: Action, subject: Subject): asserts actor is Actor {
  const decision = can(actor, action, subject);
  if (!decision.allowed) {
    throw new AccessException(decision.signInRequired ? AccessExceptionCode.SIGN_IN_REQUIRED : AccessExceptionCode.NOT_ALLOWED, decision.reason);
  }
}
