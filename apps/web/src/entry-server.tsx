import { StrictMode, type ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { prerenderStatic } from '@apollo/client/react/ssr';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import { JSDOM } from 'jsdom';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { Observable } from 'rxjs';
import { appRoutes } from './app';
import { createApolloCache } from './modules/api/apollo-client';
import { serialiseServerData } from './modules/api/server-data';
import { HttpStatusContext, type HttpStatus } from './modules/layout/http-status';
import { configureServerMarkdown } from './modules/markdown/render-markdown';
import { SiteOriginProvider } from './modules/seo/site-origin';

/**
 * The server renderer: the api imports this module's build (dist-server/entry-server.js)
 * and renders public pages with the same components and operations as the browser, so a
 * crawler, a link preview or a reader without JavaScript gets the page, and the browser
 * hydrates it with the data it carries instead of asking again.
 */

/** Runs one GraphQL operation for the visitor being rendered for (the api runs it in-process). */
export type ExecuteOperation = (operation: {
  query: DocumentNode;
  variables: Record<string, unknown>;
  operationName?: string;
}) => Promise<FormattedExecutionResult>;

export interface PageRequest {
  /** Path and query, e.g. "/q/12?tab=votes". */
  url: string;
  execute: ExecuteOperation;
  /** Stops waiting for data; whatever has arrived is rendered (the browser fetches the rest). */
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** 200, or what a page said (404 for a question that does not exist, 301 for a tag typed another way). */
  status: number;
  /** Where a 301 points. */
  location?: string;
  /** The app's markup for inside #root, with React's hoisted <title>, <meta> and <link> first. */
  html: string;
  /** The Apollo cache and the render time, as JSON safe inside <script type="application/json" id={SERVER_DATA_ID}>. */
  serverData: string;
  /** The render was cut short by the signal. */
  aborted: boolean;
}

export { SERVER_DATA_ID } from './modules/api/server-data';

let siteOrigin: string | null = null;

/** Once per process: what the browser would read from its page (see render-markdown.ts). */
export function configureServerRenderer(page: { siteOrigin: string; imageHosts: readonly string[] }): void {
  configureServerMarkdown(new JSDOM('').window as unknown as Parameters<typeof configureServerMarkdown>[0], page);
  siteOrigin = page.siteOrigin;
}

function executeLink(execute: ExecuteOperation): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        execute({ query: operation.query, variables: operation.variables, operationName: operation.operationName })
          .then((result) => {
            observer.next(result as ApolloLink.Result);
            observer.complete();
          })
          .catch((error: unknown) => observer.error(error));
      }),
  );
}

/** React's marker of a Suspense boundary sent before its content was ready. */
const PENDING_BOUNDARY = /<!--\$\?-->/;

function prerender(tree: ReactNode, signal: AbortSignal | undefined) {
  return prerenderStatic({
    tree,
    signal,
    renderFunction: (node) =>
      prerenderToNodeStream(node, {
        signal,
        // React sends a large finished part (a long question page) after the rest, to be
        // moved in place by an inline script; the page is sent whole anyway, and the CSP
        // forbids inline scripts, so every part is written in place.
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        // The page still renders (the browser retries the part); the operator learns why.
        onError: (error) => console.error('Server rendering failed for part of a page:', error),
      }),
    maxRerenders: 10,
  });
}

export async function renderPage(request: PageRequest): Promise<RenderedPage> {
  if (siteOrigin === null) throw new Error('configureServerRenderer must be called before renderPage');
  const renderedAt = new Date().toISOString();
  const cache = createApolloCache();
  const client = new ApolloClient({ ssrMode: true, link: executeLink(request.execute), cache });
  const status: HttpStatus = { code: 200 };
  const handler = createStaticHandler(appRoutes);
  const context = await handler.query(new Request(new URL(request.url, 'http://server.invalid')));
  if (context instanceof Response) throw new Error(`the router answered ${context.status} for ${request.url}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const tree = (
    <StrictMode>
      <HttpStatusContext value={status}>
        {/* Canonical links and structured data name the site's public address, not the request's. */}
        <SiteOriginProvider value={siteOrigin}>
          <ApolloProvider client={client}>
            {/* No hydration script: the CSP forbids inline scripts, and the routes load no data of their own. */}
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </ApolloProvider>
        </SiteOriginProvider>
      </HttpStatusContext>
    </StrictMode>
  );
  let { result, aborted } = await prerender(tree, request.signal);
  // A lazy component met for the first time in the last pass (a page's chunk) suspends,
  // and React then writes its part as a hidden template revealed by an inline script,
  // which the CSP forbids. The module stays loaded, so one more pass renders it in place;
  // after the first visit to each page none is needed.
  for (let pass = 0; pass < 3 && !aborted && PENDING_BOUNDARY.test(result); pass += 1) {
    ({ result, aborted } = await prerender(tree, request.signal));
  }
  if (PENDING_BOUNDARY.test(result)) throw new Error(`part of ${request.url} was still loading after every pass`);
  return { status: status.code, location: status.location, html: result, serverData: serialiseServerData({ state: cache.extract(), renderedAt }), aborted };
}
