import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { ActionLimits } from '../../common/rate-limits.js';
import { RateLimitedException } from '../../common/rate-limiter.js';
import { loadConfig } from '../../config/app-config.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { QuestionsService } from '../questions/questions.service.js';
import { encodeDocument } from '../../common/http-cache.js';
import { PagesService } from './pages.service.js';
import type { WebServerRenderer } from './server-renderer.js';

// A real Redis: invalidation reaches the other api processes through it.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
afterAll(() => redis.quit());

/** PagesService with a renderer of the test's choosing instead of the web build's. */
class PagesWithRenderer extends PagesService {
  constructor(
    private readonly fixedRenderer: WebServerRenderer,
    limits: Pick<ActionLimits, 'take'> = { take: async () => ({ giveBack: async () => undefined }) },
    redisPrefix = `pctest:pages:${randomBytes(4).toString('hex')}`,
  ) {
    super(
      loadConfig({ NODE_ENV: 'test', PAGE_CACHE_SECONDS: '60', REDIS_PREFIX: redisPrefix }),
      {} as AccountsService,
      { recordView: async () => true } as unknown as QuestionsService,
      {} as HttpAdapterHost,
      limits as ActionLimits,
      redis,
    );
  }

  protected override loadRenderer(): Promise<WebServerRenderer | null> {
    return Promise.resolve(this.fixedRenderer);
  }
}

const shell = '<html><head><title>Policy Commons</title></head><body><div id="root"></div></body></html>';

function request(path: string): FastifyRequest {
  return { url: path, cookies: {}, headers: {}, ip: '127.0.0.1' } as unknown as FastifyRequest;
}

function renderer(render: WebServerRenderer['renderPage']): WebServerRenderer & { calls: number } {
  const counted = {
    SERVER_DATA_ID: 'pc-server-data',
    calls: 0,
    configureServerRenderer: () => undefined,
    renderPage: (...args: Parameters<WebServerRenderer['renderPage']>) => {
      counted.calls += 1;
      return render(...args);
    },
  };
  return counted;
}

describe('PagesService', () => {
  it('falls back to the client-rendered page when rendering fails or is cut short, and caches neither', async () => {
    const failing = renderer(() => Promise.reject(new Error('a component threw')));
    const pages = new PagesWithRenderer(failing);
    await expect(pages.render(request('/q/1'), {} as FastifyReply, shell)).resolves.toBeNull();
    const cutShort = new PagesWithRenderer(renderer(() => Promise.resolve({ status: 200, html: '<p>Loading…</p>', serverData: '{}', aborted: true })));
    await expect(cutShort.render(request('/q/1'), {} as FastifyReply, shell)).resolves.toBeNull();
    await expect(pages.render(request('/q/1'), {} as FastifyReply, shell)).resolves.toBeNull();
    expect(failing.calls).toBe(2);
  });

  it('shares a page rendered for a visitor until something changes', async () => {
    let version = 1;
    const counting = renderer(() => Promise.resolve({ status: 200, html: `<p>version ${version}</p>`, serverData: '{}', aborted: false }));
    const pages = new PagesWithRenderer(counting);
    const first = await pages.render(request('/c/x'), {} as FastifyReply, shell);
    version = 2;
    const shared = await pages.render(request('/c/x'), {} as FastifyReply, shell);
    expect(shared?.html).toBe(first?.html);
    // Encoded once when kept, with the ETag any copy of the same page gets.
    expect(shared?.encoded).toEqual(encodeDocument(first!.html));
    expect(counting.calls).toBe(1);
    pages.invalidate();
    expect((await pages.render(request('/c/x'), {} as FastifyReply, shell))?.html).toContain('version 2');
    expect(counting.calls).toBe(2);
  });

  it('forgets a page in every api process when something changes in one of them', async () => {
    let version = 1;
    const render = () => Promise.resolve({ status: 200, html: `<p>version ${version}</p>`, serverData: '{}', aborted: false });
    const prefix = `pctest:pages:${randomBytes(4).toString('hex')}`;
    // Two processes' services, each with its own Redis connections, on one Redis.
    const [one, other] = [new PagesWithRenderer(renderer(render), undefined, prefix), new PagesWithRenderer(renderer(render), undefined, prefix)];
    const listening = (pages: PagesService) =>
      new Promise<void>((resolve) => {
        pages.onModuleInit();
        const subscriber = (pages as unknown as { subscriber: Redis }).subscriber;
        subscriber.once('ready', () => setTimeout(resolve, 50));
      });
    await Promise.all([listening(one), listening(other)]);
    try {
      expect((await other.render(request('/c/x'), {} as FastifyReply, shell))?.html).toContain('version 1');
      version = 2;
      expect((await other.render(request('/c/x'), {} as FastifyReply, shell))?.html).toContain('version 1');
      one.invalidate();
      const deadline = Date.now() + 5000;
      let html = '';
      while (Date.now() < deadline && !html.includes('version 2')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        html = (await other.render(request('/c/x'), {} as FastifyReply, shell))?.html ?? '';
      }
      expect(html).toContain('version 2');
    } finally {
      await Promise.all([one.onApplicationShutdown(), other.onApplicationShutdown()]);
    }
  });

  it('sends the client-rendered page to a client past its budget of renders, and renders nothing for it', async () => {
    const counting = renderer(() => Promise.resolve({ status: 200, html: '<p>page</p>', serverData: '{}', aborted: false }));
    const spent = { take: () => Promise.reject(new RateLimitedException(30, 'People on your network have opened 120 pages…')) };
    const pages = new PagesWithRenderer(counting, spent);
    await expect(pages.render(request('/q/2'), {} as FastifyReply, shell)).resolves.toBeNull();
    expect(counting.calls).toBe(0);
  });

  it('renders member-only pages in the browser only', () => {
    const pages = new PagesWithRenderer(renderer(() => Promise.reject(new Error('unused'))));
    for (const path of ['/ask', '/settings/account', '/notifications', '/signin', '/moderation', '/c/x/moderation/log', '/policies/p/draft', '/reset-password/abc']) {
      expect({ path, rendered: pages.isServerRendered(path) }).toEqual({ path, rendered: false });
    }
    for (const path of ['/', '/q/1', '/c/x', '/t/y', '/search', '/u/1', '/policies', '/policies/p', '/policies/p/2.0', '/policies/p/diff', '/about', '/no/such/page']) {
      expect({ path, rendered: pages.isServerRendered(path) }).toEqual({ path, rendered: true });
    }
  });
});
