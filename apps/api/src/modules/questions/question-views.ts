import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who a view is counted for (once per hour each): the signed-in member, or else a digest
 * of the address and browser. Used by the question query and by a question page served
 * from the page cache (modules/pages), which counts the view without running the query.
 */
export function questionViewerKey(viewer: { id: string } | null, req: { ip?: string; headers: IncomingHttpHeaders }): string {
  if (viewer) return `u:${viewer.id}`;
  return `a:${createHash('sha256').update(`${req.ip}|${req.headers['user-agent'] ?? ''}`).digest('base64url').slice(0, 22)}`;
}
