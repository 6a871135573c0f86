import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { clientAddressOf } from '../../common/client-address.js';
import { rethrowUnavailable } from '../../common/errors.js';
import { graphqlErrorOptions, requestErrorResponse } from '../../common/graphql-errors.js';
import { encodeDocument, requestPath, type EncodedDocument } from '../../common/http-cache.js';
import { RateLimitedException } from '../../common/rate-limiter.js';
import { ActionLimits } from '../../common/rate-limits.js';
import { RequestLoaders } from '../../common/loaders.js';
import { defaultWebDistDir } from '../../common/web-build.js';
import type { RequestContext } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { withStaleReads } from '../../database/read-routing.js';
import { REDIS } from '../../redis/redis.module.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { sessionTokenFrom } from '../accounts/session-cookie.js';
import { questionViewerKey } from '../questions/question-views.js';
import { QuestionsService } from '../questions/questions.service.js';
import { pageDocument } from './page-document.js';
import { loadServerRenderer, type WebServerRenderer } from './server-renderer.js';

/** A page as sent: the whole HTML document and its status. */
export interface ServedPage {
  status: number;
  /** A 301's new address. */
  location?: string;
  html: string;
  /** Rendered for nobody in particular, so it may be cached and shared. */
  anonymous: boolean;
  /** The document's bytes and ETag, made once for a page kept in the cache (it is sent again and again). */
  encoded?: EncodedDocument;
}

/**
 * Pages that only make sense for a signed-in member (forms, settings, moderation, drafts)
 * stay client-rendered: the shell, then the app. Every other path is rendered on the
 * server, unknown ones included, so that they answer 404 with the site's own page.
 */
const CLIENT_ONLY = [
  /^\/ask\/?$/,
  /^\/notifications\/?$/,
  /^\/settings\//,
  /^\/(signin|signup|forgot-password)\/?$/,
  /^\/reset-password\//,
  /^\/moderation(\/|$)/,
  /^\/c\/[^/]+\/moderation(\/|$)/,
  /^\/policies\/[^/]+\/draft\/?$/,
];

const QUESTION_PATH = /^\/q\/([0-9a-f-]{36})\/?$/i;

@Injectable()
export class PagesService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Pages');
  private renderer: Promise<WebServerRenderer | null> | null = null;
  /**
   * Anonymous visitors all see the same page, so a rendered page is kept for a few seconds
   * and shared: a question linked from a busy mailing list is rendered once, not once per
   * reader. Cleared whenever something changes (a mutation; see PageCacheInvalidation), in
   * every api process: the one that saw the change tells the others over Redis.
   */
  private readonly cache: LRUCache<string, ServedPage>;
  /** Who this process is on the invalidation channel, so it ignores its own messages. */
  private readonly instanceId = randomUUID();
  private subscriber: Redis | null = null;
  /** Counts the times the cache was emptied: a page whose rendering began before is not kept. */
  private cacheGeneration = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly questions: QuestionsService,
    private readonly adapterHost: HttpAdapterHost,
    private readonly limits: ActionLimits,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.cache = new LRUCache({ max: config.pageCache.entries, ttl: config.pageCache.seconds * 1000, maxSize: 64 * 1024 * 1024, sizeCalculation: (page) => page.html.length * 2 + (page.encoded?.body.length ?? 0) });
  }

  isServerRendered(path: string): boolean {
    return !CLIENT_ONLY.some((pattern) => pattern.test(path));
  }

  private get invalidationChannel(): string {
    return `${this.config.redisPrefix}:pages:invalidated`;
  }

  /**
   * Listens for other processes' changes on a connection of its own (a subscribed Redis
   * connection can do nothing else). Each time it (re)connects it subscribes again and
   * forgets every page, since a change may have been announced while it was away.
   */
  onModuleInit(): void {
    const subscriber = this.redis.duplicate({ lazyConnect: false, autoResubscribe: false });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined); // the shared client logs outages; this one just reconnects
    subscriber.on('ready', () => {
      this.forgetPages();
      subscriber.subscribe(this.invalidationChannel).catch((error: Error) => this.logger.warn(`Could not listen for page changes: ${error.message}`));
    });
    subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.instanceId) this.forgetPages();
    });
  }

  private forgetPages(): void {
    this.cacheGeneration += 1;
    this.cache.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /**
   * Forget every cached page, here and in the other api processes: something a page shows
   * may have changed. With Redis away the others keep theirs until PAGE_CACHE_SECONDS pass.
   */
  invalidate(): void {
    this.forgetPages();
    this.redis.publish(this.invalidationChannel, this.instanceId).catch(() => undefined);
  }

  /**
   * The page for this request, rendered on the server; null when there is no renderer (no
   * web build) or rendering failed, and the caller sends the client-rendered shell instead.
   */
  async render(req: FastifyRequest, res: FastifyReply, shell: string): Promise<ServedPage | null> {
    const renderer = await this.loadRenderer();
    if (!renderer) return null;
    const token = sessionTokenFrom(req, this.config);
    const url = req.url;
    if (!token) {
      const cached = this.cache.get(url);
      if (cached) {
        await this.countQuestionView(req);
        return cached;
      }
    }
    const viewer = token ? await this.accounts.viewerForToken(token).catch(rethrowUnavailable) : null;
    // Rendering costs tens of milliseconds of CPU; a client asking for page after page that no
    // one has read lately (or for the same page with ever-new query strings) would otherwise
    // take the api's processors. Past its budget it gets the client-rendered page, which
    // costs nothing to send and fetches through the api's own limits.
    try {
      await this.limits.take('render', viewer ? { account: viewer.id } : { address: clientAddressOf(req) });
    } catch (error) {
      if (error instanceof RateLimitedException) return null;
      throw error;
    }
    const started = Date.now();
    const generation = this.cacheGeneration;
    const signal = AbortSignal.timeout(this.config.pageCache.renderTimeoutMs);
    try {
      // A visitor's page reads what any visitor may read, a moment stale at worst (read-routing.ts).
      const render = () => renderer.renderPage({ url, signal, execute: (operation) => this.execute(operation, { req, res, viewer, loaders: new RequestLoaders() }) });
      // Only with replicas to read from: carrying the rule costs every promise a hook (Node 20's AsyncLocalStorage).
      const rendered = viewer || !this.config.databaseReplicaUrls.length ? await render() : await withStaleReads(render);
      // A page cut short holds loading states: the client-rendered page does better.
      if (rendered.aborted) throw new Error(`it took longer than PAGE_RENDER_TIMEOUT_MS (${this.config.pageCache.renderTimeoutMs} ms)`);
      const page: ServedPage = {
        status: rendered.status,
        location: rendered.location,
        html: pageDocument(shell, { html: rendered.html, serverData: rendered.serverData, serverDataId: renderer.SERVER_DATA_ID }),
        anonymous: !viewer,
      };
      // Not when something changed while it rendered: it may show the data from before.
      if (!viewer && page.status < 500 && generation === this.cacheGeneration) this.cache.set(url, { ...page, encoded: encodeDocument(page.html) });
      return page;
    } catch (error) {
      this.logger.warn(`Could not render ${url} on the server after ${Date.now() - started} ms; sending the client-rendered page. ${(error as Error).message}`);
      return null;
    }
  }

  private async execute(
    operation: Parameters<Parameters<WebServerRenderer['renderPage']>[0]['execute']>[0],
    contextValue: RequestContext,
  ) {
    // In process, through the GraphQL server's own pipeline (validation, compiled operations, error formatting).
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    try {
      return await fastify.graphql(operation.query, contextValue as unknown as Parameters<FastifyInstance['graphql']>[1], operation.variables, operation.operationName);
    } catch (error) {
      // Refused before it ran (validation): the page shows it as any other error.
      return requestErrorResponse(error, graphqlErrorOptions(this.config)).body;
    }
  }

  /** A question page served from the cache still counts as a view (the query that counts it did not run). */
  private async countQuestionView(req: FastifyRequest): Promise<void> {
    const id = QUESTION_PATH.exec(requestPath(req))?.[1];
    if (id) await this.questions.recordView(id, questionViewerKey(null, req)).catch(() => undefined);
  }

  protected loadRenderer(): Promise<WebServerRenderer | null> {
    this.renderer ??= loadServerRenderer(this.config.webDistDir ?? defaultWebDistDir()).then((renderer) => {
      renderer?.configureServerRenderer({ siteOrigin: this.config.publicUrl, imageHosts: this.config.imageHosts });
      return renderer;
    });
    return this.renderer;
  }
}
