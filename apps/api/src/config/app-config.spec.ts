import { ConfigurationError, DEFAULT_ACTION_LIMITS, loadConfig } from './app-config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  APP_SECRET: 'x'.repeat(32),
  PUBLIC_URL: 'https://forum.example.org',
  SMTP_URL: 'smtp://mail.example.org:587',
  MAIL_FROM: 'Policy Commons <digest@forum.example.org>',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('uses the local services by default in development', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.isProduction).toBe(false);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/policy_commons');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.mailFrom).toContain('policy-commons.local');
    expect(config.statementTimeoutMs).toBe(5000);
    expect(config.connectTimeoutMs).toBe(2000);
    expect(config.imageHosts).toEqual([]);
  });

  it('names every bad variable at once', () => {
    const message = problemsOf({ NODE_ENV: 'development', PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope' });
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL must be a URL like postgres://');
    expect(message).toContain('REDIS_URL must be a URL like redis://');
  });

  it('starts in production when all four required variables are set', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.isProduction).toBe(true);
    expect(config.appSecret).toBe(PRODUCTION.APP_SECRET);
    expect(config.publicUrl).toBe('https://forum.example.org');
    expect(config.smtpUrl).toBe(PRODUCTION.SMTP_URL);
    expect(config.mailFrom).toBe(PRODUCTION.MAIL_FROM);
  });

  it('refuses production without APP_SECRET, PUBLIC_URL, SMTP_URL and MAIL_FROM, naming each one', () => {
    const message = problemsOf({ NODE_ENV: 'production' });
    for (const variable of ['APP_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM']) expect(message).toContain(`${variable} is required in production`);
  });

  it.each(['APP_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM'])('refuses production when only %s is missing', (variable) => {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env[variable];
    const message = problemsOf(env);
    expect(message).toContain(`${variable} is required in production`);
    // Only the missing one is named.
    expect(message.match(/is required in production/g)).toHaveLength(1);
    // An empty value is as missing as an absent one.
    expect(problemsOf({ ...PRODUCTION, [variable]: '' })).toContain(`${variable} is required in production`);
  });

  it('refuses a production secret shorter than 32 characters without echoing it', () => {
    const message = problemsOf({ ...PRODUCTION, APP_SECRET: 'short-secret' });
    expect(message).toContain('APP_SECRET must be at least 32 characters');
    expect(message).not.toContain('short-secret');
  });

  it('treats an unset NODE_ENV as production, and says how to run locally', () => {
    const message = problemsOf({});
    for (const variable of ['APP_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM']) expect(message).toContain(`${variable} is required in production`);
    expect(message).toContain('NODE_ENV is not set, which counts as production');
    expect(message).toContain('NODE_ENV=development');

    const config = loadConfig({ ...PRODUCTION, NODE_ENV: undefined });
    expect(config.environment).toBe('production');
    expect(config.isProduction).toBe(true);
  });

  it('refuses an unknown NODE_ENV rather than guessing', () => {
    expect(problemsOf({ NODE_ENV: 'prod' })).toContain('NODE_ENV must be development, test or production (got "prod")');
  });

  it('reads the image allow-list as https origins and refuses anything else', () => {
    expect(loadConfig({ NODE_ENV: 'development', IMAGE_HOSTS: 'https://images.example.org, https://*.cdn.example.net/' }).imageHosts).toEqual([
      'https://images.example.org',
      'https://*.cdn.example.net',
    ]);
    for (const bad of ['http://images.example.org', 'images.example.org', 'https://images.example.org/path', '*', "https://a.org 'unsafe-inline'", 'https://a.org;script-src *']) {
      expect(problemsOf({ NODE_ENV: 'development', IMAGE_HOSTS: bad })).toContain('IMAGE_HOSTS must be a comma-separated list of https origins');
    }
  });

  it('reads the database timeouts', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_STATEMENT_TIMEOUT_MS: '250', DATABASE_CONNECT_TIMEOUT_MS: '1500' });
    expect(config.statementTimeoutMs).toBe(250);
    expect(config.connectTimeoutMs).toBe(1500);
    expect(problemsOf({ NODE_ENV: 'development', DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toContain('DATABASE_STATEMENT_TIMEOUT_MS');
  });

  it('reads every replica of DATABASE_REPLICA_URLS, none by default', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_REPLICA_URLS: ' postgres://reader@replica-1/pc, postgresql://reader@replica-2:5433/pc,' }).databaseReplicaUrls).toEqual([
      'postgres://reader@replica-1/pc',
      'postgresql://reader@replica-2:5433/pc',
    ]);
  });

  it.each([
    ['mysql://replica/pc', 'DATABASE_REPLICA_URLS must be a comma-separated list of URLs like postgres://'],
    ['postgres://replica/pc,replica-2', 'DATABASE_REPLICA_URLS must be a comma-separated list of URLs like postgres://'],
    ['postgres://replica/pc,postgres://replica/pc', 'DATABASE_REPLICA_URLS names the same replica twice'],
  ])('refuses DATABASE_REPLICA_URLS=%s', (value, problem) => {
    expect(problemsOf({ NODE_ENV: 'development', DATABASE_REPLICA_URLS: value })).toContain(problem);
  });

  it('runs one api process unless API_PROCESSES says more', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).apiProcesses).toBe(1);
    expect(loadConfig({ NODE_ENV: 'development', API_PROCESSES: '4' }).apiProcesses).toBe(4);
    for (const value of ['0', '65', '1.5', 'two']) expect(problemsOf({ NODE_ENV: 'development', API_PROCESSES: value })).toContain('API_PROCESSES must be a whole number of processes, 1 to 64');
  });

  it('believes no proxy unless TRUST_PROXY names them', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ NODE_ENV: 'development', TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32, 192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::/32',
      '192.0.2.7',
    ]);
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '2001:db8::/129', '300.1.1.1', '11', '10.0.0.1/8/8'])('refuses TRUST_PROXY=%s', (value) => {
    expect(problemsOf({ NODE_ENV: 'development', TRUST_PROXY: value })).toContain('TRUST_PROXY must be a number of proxy hops');
  });

  it('limits sign-ups per address to 20 an hour unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).signUpsPerAddressPerHour).toBe(20);
    expect(loadConfig({ NODE_ENV: 'development', SIGN_UPS_PER_ADDRESS_PER_HOUR: '5' }).signUpsPerAddressPerHour).toBe(5);
    expect(problemsOf({ NODE_ENV: 'development', SIGN_UPS_PER_ADDRESS_PER_HOUR: '0' })).toContain('SIGN_UPS_PER_ADDRESS_PER_HOUR');
  });

  it('limits asking, answering, commenting, voting, following, searching, comparing versions and rendering pages, as RATE_LIMITS changes them', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).actionLimits).toEqual({
      ask: { limit: 10, windowSeconds: 3600 },
      answer: { limit: 30, windowSeconds: 3600 },
      comment: { limit: 60, windowSeconds: 3600 },
      vote: { limit: 120, windowSeconds: 3600 },
      follow: { limit: 60, windowSeconds: 3600 },
      search: { limit: 60, windowSeconds: 60 },
      diff: { limit: 60, windowSeconds: 60 },
      preview: { limit: 120, windowSeconds: 60 },
      render: { limit: 120, windowSeconds: 60 },
    });
    // Only the actions named change; spaces and a window without a number are fine.
    expect(loadConfig({ NODE_ENV: 'development', RATE_LIMITS: 'ask=3/h, search = 500 / 15m,diff=1/7d,vote=2/30s' }).actionLimits).toEqual({
      ...DEFAULT_ACTION_LIMITS,
      ask: { limit: 3, windowSeconds: 3600 },
      search: { limit: 500, windowSeconds: 900 },
      diff: { limit: 1, windowSeconds: 7 * 86400 },
      vote: { limit: 2, windowSeconds: 30 },
    });
  });

  it.each([
    ['ask=10', 'has "ask=10", which is not action=count/window'],
    ['ask=10/1w', 'has "ask=10/1w", which is not action=count/window'],
    ['ask=-1/1h', 'which is not action=count/window'],
    ['post=10/1h', 'names "post", which is not one of ask, answer, comment, vote, follow, search, diff'],
    ['ask=1/1h,ask=2/1h', 'names ask twice'],
    ['ask=0/1h', 'the count must be 1 to 1000000'],
    ['ask=2000000/1h', 'the count must be 1 to 1000000'],
    ['ask=1/0m', 'it must be 1 s to 7 d'],
    ['ask=1/8d', 'it must be 1 s to 7 d'],
  ])('refuses RATE_LIMITS=%s', (value, problem) => {
    const problems = problemsOf({ NODE_ENV: 'development', RATE_LIMITS: value });
    expect(problems).toMatch(/RATE_LIMITS (has|names|allows|gives) /);
    expect(problems).toContain(problem);
    expect(problems).toContain(`(got "${value}")`);
  });
});
