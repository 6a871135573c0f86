import { isIP } from 'node:net';
import { z } from 'zod';

const DEVELOPMENT_SECRET = 'policy-commons-development-secret-not-for-production';
const DEVELOPMENT_MAIL_FROM = 'Policy Commons <digest@policy-commons.local>';

/** How long one SQL statement may run before PostgreSQL cancels it, unless DATABASE_STATEMENT_TIMEOUT_MS says otherwise. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
/** How long taking a new pool connection may wait before the request fails, unless DATABASE_CONNECT_TIMEOUT_MS says otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2000;

/** Accounts one client address may open per hour, unless SIGN_UPS_PER_ADDRESS_PER_HOUR says otherwise. */
export const DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR = 20;

/** What people do often enough to be abused, each limited per account (signed in) or per client address (signed out). */
export const RATE_LIMITED_ACTIONS = ['ask', 'answer', 'comment', 'vote', 'follow', 'search', 'diff', 'preview', 'render'] as const;
export type RateLimitedAction = (typeof RATE_LIMITED_ACTIONS)[number];

/** At most `limit` of an action in `windowSeconds` (a window starts at the first of them). */
export interface ActionLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * What a busy practitioner never reaches and a script soon does. Asking or editing a
 * question, posting or editing an answer, commenting, voting and following are counted when
 * they succeed; searches (similar-question look-ups included) and version comparisons, which
 * cost the database whether or not they find anything, on every attempt. RATE_LIMITS changes
 * any of them.
 */
export const DEFAULT_ACTION_LIMITS: Readonly<Record<RateLimitedAction, ActionLimit>> = {
  ask: { limit: 10, windowSeconds: 3600 },
  answer: { limit: 30, windowSeconds: 3600 },
  comment: { limit: 60, windowSeconds: 3600 },
  vote: { limit: 120, windowSeconds: 3600 },
  follow: { limit: 60, windowSeconds: 3600 },
  search: { limit: 60, windowSeconds: 60 },
  diff: { limit: 60, windowSeconds: 60 },
  // Citation previews follow typing (after a pause), each a single bounded statement.
  preview: { limit: 120, windowSeconds: 60 },
  // Pages rendered on the server (a cached page is free): past it, the client-rendered page.
  render: { limit: 120, windowSeconds: 60 },
};

/** The sitemaps protocol's limit on URLs in one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000;

const WINDOW_UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * RATE_LIMITS: comma-separated `action=count/window` entries that replace the defaults of
 * the actions they name, e.g. `ask=20/1h,search=120/1m` (windows in s, m, h or d, 1 s to 7 d).
 */
const actionLimits = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const overrides: Partial<Record<RateLimitedAction, ActionLimit>> = {};
    for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const match = /^([a-z]+)\s*=\s*(\d{1,7})\s*\/\s*(\d{0,6})\s*([smhd])$/.exec(entry);
      const action = match?.[1] as RateLimitedAction | undefined;
      const problem = !match
        ? `has "${entry}", which is not action=count/window like ask=10/1h`
        : !RATE_LIMITED_ACTIONS.includes(action!)
          ? `names "${action}", which is not one of ${RATE_LIMITED_ACTIONS.join(', ')}`
          : overrides[action!]
            ? `names ${action} twice`
            : undefined;
      const limit = Number(match?.[2]);
      const windowSeconds = Number(match?.[3] || 1) * WINDOW_UNIT_SECONDS[match?.[4] ?? 's'];
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      else if (limit < 1 || limit > 1_000_000) ctx.addIssue({ code: 'custom', message: `allows ${action} ${limit} times; the count must be 1 to 1000000` });
      else if (windowSeconds < 1 || windowSeconds > 7 * 86400) ctx.addIssue({ code: 'custom', message: `gives ${action} a window of ${windowSeconds} s; it must be 1 s to 7 d` });
      else overrides[action!] = { limit, windowSeconds };
    }
    return overrides;
  });

const API_PROCESSES_RANGE = 'must be a whole number of processes, 1 to 64';

/** What production cannot run without: a development fallback for any of them would fail open. */
const REQUIRED_IN_PRODUCTION = ['APP_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM'] as const;

const urlWithProtocol = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );

/** One image origin for the CSP's img-src: https, a host (a leading `*.` allowed), nothing after it. */
function isImageOrigin(entry: string): boolean {
  if (!/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(entry)) return false;
  try {
    return new URL(entry.replace('*.', 'wildcard.')).pathname === '/';
  } catch {
    return false;
  }
}

const imageHosts = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim().replace(/\/$/, ''))
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isImageOrigin), {
    message: 'must be a comma-separated list of https origins like https://images.example.org or https://*.example.org',
  });

/**
 * DATABASE_REPLICA_URLS: streaming replicas of DATABASE_URL's server, comma-separated, that
 * may answer reads which can be a moment stale (see database/read-routing.ts).
 */
const replicaUrls = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine(
    (entries) =>
      entries.every((entry) => {
        try {
          return ['postgres:', 'postgresql:'].includes(new URL(entry).protocol);
        } catch {
          return false;
        }
      }),
    { message: 'must be a comma-separated list of URLs like postgres://reader@replica-1:5432/policy_commons' },
  )
  .refine((entries) => new Set(entries).size === entries.length, { message: 'names the same replica twice' });

/** Names proxy-addr (behind Fastify's `trustProxy`) knows for whole address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One TRUST_PROXY entry: an address, an address/prefix (CIDR), or one of proxy-addr's range names. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies' X-Forwarded-For to believe: a number of hops (the nearest N proxies, for a
 * platform whose load balancers have no fixed addresses), or a comma-separated list of
 * proxy addresses, CIDR ranges and `loopback`/`linklocal`/`uniquelocal`. Unset or `false`:
 * none, the connecting address is the client's. `true` (believe anyone) is refused: any
 * visitor could then choose the address their requests are counted under.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value): number | string[] | false => {
    if (value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
  })
  .refine((value) => value === false || (typeof value === 'number' ? value <= 10 : value.length > 0 && value.every(isProxyEntry)), {
    message:
      'must be a number of proxy hops (1 to 10), or a comma-separated list of proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal (true, which would believe any client, is not accepted)',
  });

const environmentSchema = z
  .object({
    // Unset counts as production: forgetting it must never serve stack traces or sign links with the development secret.
    NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('production'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    API_PROCESSES: z.coerce
      .number({ message: API_PROCESSES_RANGE })
      .int({ message: API_PROCESSES_RANGE })
      .min(1, { message: API_PROCESSES_RANGE })
      .max(64, { message: API_PROCESSES_RANGE })
      .default(1),
    DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/policy_commons').default(
      'postgres://postgres@127.0.0.1:5432/policy_commons',
    ),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_STATEMENT_TIMEOUT_MS),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_CONNECT_TIMEOUT_MS),
    DATABASE_REPLICA_URLS: replicaUrls.optional(),
    REDIS_URL: urlWithProtocol(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().trim().min(1).default('pc'),
    SMTP_URL: urlWithProtocol(['smtp:', 'smtps:'], 'smtp://127.0.0.1:1025').optional(),
    MAIL_FROM: z.string().trim().min(3).optional(),
    APP_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    PUBLIC_URL: urlWithProtocol(['http:', 'https:'], 'https://forum.example.org').optional(),
    IMAGE_HOSTS: imageHosts.optional(),
    TRUST_PROXY: trustProxy.optional(),
    SIGN_UPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR),
    RATE_LIMITS: actionLimits.optional(),
    WEB_DIST_DIR: z.string().trim().optional(),
    PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    PAGE_CACHE_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(2000),
    PAGE_RENDER_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
    SITEMAP_URLS_PER_FILE: z.coerce.number().int().min(1).max(MAX_SITEMAP_URLS).default(MAX_SITEMAP_URLS),
    RUN_MIGRATIONS: z.enum(['true', 'false']).default('true'),
    LOG_SQL: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const variable of REQUIRED_IN_PRODUCTION) {
      if (env[variable] === undefined) ctx.addIssue({ code: 'custom', path: [variable], message: 'is required in production' });
    }
  });

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  /** True unless NODE_ENV says development or test: an unset NODE_ENV is production. */
  isProduction: boolean;
  port: number;
  /** How many api processes `node dist/main.js` runs on PORT (Node's cluster module shares the port). */
  apiProcesses: number;
  databaseUrl: string;
  /** Streaming replicas for reads that may be a moment stale; empty: every read goes to DATABASE_URL. */
  databaseReplicaUrls: string[];
  /** PostgreSQL cancels a statement that runs longer (ms). */
  statementTimeoutMs: number;
  /** Taking a new pool connection fails after this long (ms) instead of waiting for a server that does not answer. */
  connectTimeoutMs: number;
  redisUrl: string;
  /** Keys and queues of one installation (or one test database) never meet another's. */
  redisPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  appSecret: string;
  publicUrl: string;
  /** Origins besides the site itself that posts may show images from (the CSP's img-src). */
  imageHosts: string[];
  /** Fastify's `trustProxy`: whose X-Forwarded-For names the client (see TRUST_PROXY). */
  trustProxy: number | string[] | false;
  /** The per-address limit on opening accounts: slows down learning which addresses have one. */
  signUpsPerAddressPerHour: number;
  /** How often each rate-limited action may be done (DEFAULT_ACTION_LIMITS, changed by RATE_LIMITS). */
  actionLimits: Readonly<Record<RateLimitedAction, ActionLimit>>;
  webDistDir: string | undefined;
  /**
   * Server-rendered pages (modules/pages): how long a page rendered for visitors who are not
   * signed in is shared (0: never), how many are kept, and how long a render may wait for
   * its data before the visitor gets the client-rendered page instead.
   */
  pageCache: { seconds: number; entries: number; renderTimeoutMs: number };
  /** At most this many URLs in one child sitemap (the protocol's limit, 50,000; smaller in tests). */
  sitemapUrlsPerFile: number;
  runMigrations: boolean;
  logSql: boolean;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The environment is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads the environment once, naming every bad variable rather than the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.') || 'environment';
      // Secrets are named, never echoed into logs.
      const value = variable === 'APP_SECRET' ? undefined : env[variable];
      return `${variable} ${issue.message}${value !== undefined && value !== '' ? ` (got "${value}")` : ''}`;
    });
    if (!input.NODE_ENV && parsed.error.issues.some((issue) => issue.message === 'is required in production')) {
      problems.push('NODE_ENV is not set, which counts as production; set NODE_ENV=development to run on your own machine with development defaults');
    }
    throw new ConfigurationError(problems);
  }
  const e = parsed.data;
  return {
    environment: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    apiProcesses: e.API_PROCESSES,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? DEVELOPMENT_MAIL_FROM,
    appSecret: e.APP_SECRET ?? DEVELOPMENT_SECRET,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    imageHosts: e.IMAGE_HOSTS ?? [],
    trustProxy: e.TRUST_PROXY ?? false,
    signUpsPerAddressPerHour: e.SIGN_UPS_PER_ADDRESS_PER_HOUR,
    actionLimits: { ...DEFAULT_ACTION_LIMITS, ...e.RATE_LIMITS },
    webDistDir: e.WEB_DIST_DIR,
    pageCache: { seconds: e.PAGE_CACHE_SECONDS, entries: e.PAGE_CACHE_ENTRIES, renderTimeoutMs: e.PAGE_RENDER_TIMEOUT_MS },
    sitemapUrlsPerFile: e.SITEMAP_URLS_PER_FILE,
    runMigrations: e.RUN_MIGRATIONS === 'true',
    logSql: e.LOG_SQL === 'true',
  };
}
