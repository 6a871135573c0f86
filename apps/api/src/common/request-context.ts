import type { Request, Response } from 'express';
import type { UserRole } from '../modules/accounts/user.entity.js';
import type { RequestLoaders } from './loaders.js';

export interface Viewer {
  id: string;
  role: UserRole;
  sessionId: string;
}

/** What every resolver gets as GraphQL context. */
export interface RequestContext {
  req: Request;
  res: Response;
  viewer: Viewer | null;
  loaders: RequestLoaders;
}
