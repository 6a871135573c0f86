import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response, Router } from 'express';
import type { Viewer } from '../../common/request-context.js';
import { UserRole } from '../accounts/user.entity.js';

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
        if (!viewer) res.status(401).type('text').send('Sign in as an admin to see the queues.');
        else if (viewer.role !== UserRole.ADMIN) res.status(403).type('text').send('Only admins can see the queues.');
        else next();
      },
      (error: unknown) => next(error),
    );
  };
  return [guard, router];
}
