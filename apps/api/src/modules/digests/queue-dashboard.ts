import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../../common/request-context.js';
import { can } from '../access/access.policy.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board for admins: the session cookie (or bearer token) must belong to an ADMIN.
 * Everyone else gets 401/403 before the dashboard sees the request.
 *
 * A Fastify plugin, to register without fastify-plugin: the guard is an onRequest hook of
 * the plugin's own context, so it covers the dashboard's routes (its pages, API and
 * assets, all under QUEUE_DASHBOARD_PATH) and nothing else of the app.
 */
export function queueDashboard(queues: Queue[], viewerFor: (req: FastifyRequest) => Promise<Viewer | null>): (instance: FastifyInstance) => Promise<void> {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Policy Commons queues' } } });
  return async (instance) => {
    instance.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      let viewer: Viewer | null;
      try {
        viewer = await viewerFor(req);
      } catch (error) {
        // The app's own error handler: Bull Board's (which its routes have) would put the
        // error's message in the answer.
        instance.errorHandler(error, req, reply);
        return reply;
      }
      const decision = can(viewer, 'view-job-queues', { kind: 'site' });
      if (decision.allowed) return;
      // A FastifyReply is thenable: returning it makes Fastify wait for the answer to go out, and run nothing after.
      return reply
        .code(decision.signInRequired ? 401 : 403)
        .type('text/plain; charset=utf-8')
        .send(decision.signInRequired ? 'Sign in as an admin to see the queues.' : decision.reason);
    });
    await instance.register(adapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  };
}
