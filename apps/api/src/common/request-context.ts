import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/access/access.policy.js';
import type { RequestLoaders } from './loaders.js';

/** The signed-in person of this request: an actor for the permission policy, and their session. */
export interface Viewer extends Actor {
  sessionId: string;
  /** ISO time the account was created, loaded with the session: an established member's post needs no new-member check. */
  memberSince?: string;
}

/** What every resolver gets as GraphQL context. */
export interface RequestContext {
  req: FastifyRequest;
  res: FastifyReply;
  viewer: Viewer | null;
  loaders: RequestLoaders;
}
