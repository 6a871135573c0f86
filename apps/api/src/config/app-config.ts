import { z } from 'zod';

const DEVELOPMENT_SECRET = 'policy-commons-development-secret-not-for-production';

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

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/policy_commons').default(
      'postgres://postgres@127.0.0.1:5432/policy_commons',
    ),
    REDIS_URL: urlWithProtocol(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().trim().min(1).default('pc'),
    SMTP_URL: urlWithProtocol(['smtp:', 'smtps:'], 'smtp://127.0.0.1:1025').optional(),
    MAIL_FROM: z.string().trim().min(3).default('Policy Commons <digest@policy-commons.local>'),
    APP_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    PUBLIC_URL: urlWithProtocol(['http:', 'https:'], 'https://forum.example.org').optional(),
    WEB_DIST_DIR: z.string().trim().optional(),
    RUN_MIGRATIONS: z.enum(['true', 'false']).default('true'),
    LOG_SQL: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required when NODE_ENV=production' });
    }
  });

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Keys and queues of one installation (or one test database) never meet another's. */
  redisPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  appSecret: string;
  publicUrl: string;
  webDistDir: string | undefined;
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
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => {
        const variable = issue.path.join('.') || 'environment';
        const value = env[variable];
        return `${variable} ${issue.message}${value !== undefined ? ` (got "${value}")` : ''}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    environment: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    appSecret: e.APP_SECRET ?? DEVELOPMENT_SECRET,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    webDistDir: e.WEB_DIST_DIR,
    runMigrations: e.RUN_MIGRATIONS === 'true',
    logSql: e.LOG_SQL === 'true',
  };
}
