import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthenticationRequiredException } from './errors.js';
import type { RequestContext, Viewer } from './request-context.js';

function contextOf(execution: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(execution).getContext<RequestContext>();
}

/** Refuses the operation with UNAUTHENTICATED unless someone is signed in. */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    if (!contextOf(execution).viewer) throw new AuthenticationRequiredException();
    return true;
  }
}

/** The signed-in person (the guard has made sure there is one). */
export const CurrentViewer = createParamDecorator((_data: unknown, execution: ExecutionContext): Viewer => {
  const viewer = contextOf(execution).viewer;
  if (!viewer) throw new AuthenticationRequiredException();
  return viewer;
});

/** The signed-in person or null, for fields that read differently per viewer. */
export const OptionalViewer = createParamDecorator((_data: unknown, execution: ExecutionContext): Viewer | null => contextOf(execution).viewer);

/** The per-request DataLoaders. */
export const Loaders = createParamDecorator((_data: unknown, execution: ExecutionContext) => contextOf(execution).loaders);
