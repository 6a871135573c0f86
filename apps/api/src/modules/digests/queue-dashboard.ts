import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response, Router } from 'express';
import type { Viewer } from '../../common/request-context.js';
import { can } from '../access/access.policy.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board for admins: the session cookie (or bearer token) must belong to an ADMIN.
 * Everyone else gets 401/403 before the dashboard sees the request.
 */
export function queueDashboard(queues: Queue[], viewerFor: (req: Request) => Promise<Viewer | null>): ((req: Request, res: Response, next: NextFunction) => void)[] {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Policy Commons queues' } } });
  const router = adapter.getRouter() as Router;
  const guard = (req: Request, res: Response, next: NextFunction) => {
    viewerFor(req).then(
      (viewer) => {
        const decision = can(viewer, 'view-job-queues', { kind: 'site' });
        if (decision.allowed) next();
        else res.status(decision.signInRequired ? 401 : 403).type('text').send(decision.signInRequired ? 'Sign in as an admin to see the queues.' : decision.reason);
      },
      (error: unknown) => next(error),
    );
  };
  return [guard, router];
}
