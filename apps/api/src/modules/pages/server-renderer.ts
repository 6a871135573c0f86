import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';

/**
 * The web app's server renderer (apps/web/src/entry-server.tsx, built by `npm run build`
 * to apps/web/dist-server). Its types are restated here rather than imported: the api
 * builds without the web app, and loads the renderer only when a build is there.
 */
export interface WebServerRenderer {
  SERVER_DATA_ID: string;
  configureServerRenderer(page: { siteOrigin: string; imageHosts: readonly string[] }): void;
  renderPage(request: {
    url: string;
    execute: (operation: { query: DocumentNode; variables: Record<string, unknown>; operationName?: string }) => Promise<FormattedExecutionResult>;
    signal?: AbortSignal;
  }): Promise<{ status: number; location?: string; html: string; serverData: string; aborted: boolean }>;
}

/** apps/web/dist-server beside apps/web/dist. */
export function serverRendererPath(webDistDir: string): string {
  return join(resolve(webDistDir, '..'), 'dist-server', 'entry-server.js');
}

export async function loadServerRenderer(webDistDir: string): Promise<WebServerRenderer | null> {
  const path = serverRendererPath(webDistDir);
  if (!existsSync(path)) return null;
  return (await import(pathToFileURL(path).href)) as WebServerRenderer;
}
