import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig, RATE_LIMITED_ACTIONS, type AppConfig } from '../src/config/app-config.js';
import type { StatementCounter } from '../src/database/statement-counter.js';
import { createHttpApp } from '../src/http-app.js';
import { createDatabaseFromTemplate, dropDatabase } from './test-databases.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; retryAfter?: number; stacktrace?: unknown } }[];
  headers: Headers;
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  db: DataSource;
  /** Sends a GraphQL operation over HTTP, as a client would. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; cookie?: string }): Promise<GraphQLResponse<T>>;
  statements(): number;
  close(): Promise<void>;
}

/** What production cannot start without (see app-config.ts), for suites that run the api as production does. */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  APP_SECRET: 'production-secret-for-tests-0123456789',
  PUBLIC_URL: 'https://forum.example.org',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Policy Commons <digest@forum.example.org>',
};

/** Boots the real api on a fresh copy of the migrated database, with its own Redis prefix. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const name = `pc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createDatabaseFromTemplate(name);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `pctest:${name}`,
    RUN_MIGRATIONS: 'false',
    WEB_DIST_DIR: '/nonexistent',
    // Suites open many accounts from 127.0.0.1; the suite about the limit sets its own.
    SIGN_UPS_PER_ADDRESS_PER_HOUR: '100000',
    // Suites ask, vote and search far faster than a person; rate-limits.e2e-spec.ts sets its own.
    RATE_LIMITS: RATE_LIMITED_ACTIONS.map((action) => `${action}=1000000/1h`).join(','),
    ...env,
  });
  return bootTestApp(config, async () => {
    const redis = new Redis(config.redisUrl);
    const keys = await redis.keys(`${config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await dropDatabase(name);
  });
}

/** The real api in this process on a free port, with a GraphQL client; `cleanUp` runs after it closes. */
export async function bootTestApp(config: AppConfig, cleanUp: () => Promise<void> = async () => {}): Promise<TestApp> {
  const app = await createHttpApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get(DataSource);

  return {
    app,
    config,
    url,
    db,
    async gql(query, variables, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.cookie) headers.cookie = options.cookie;
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphQLResponse, 'headers'>;
      return { ...body, headers: response.headers } as GraphQLResponse<never>;
    },
    statements: () => (db.logger as StatementCounter).count,
    async close() {
      await app.close();
      await cleanUp();
    },
  };
}

let counter = 0;

/** Signs up a new person and returns their bearer token and id. */
export async function signUp(t: TestApp, displayName = 'Test Person'): Promise<{ token: string; id: string; email: string }> {
  counter += 1;
  const email = `person${counter}-${randomBytes(3).toString('hex')}@example.org`;
  const result = await t.gql<{ signUp: { token: string; user: { id: string } } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }',
    { input: { email, displayName, password: 'correct horse battery' } },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { token: result.data.signUp.token, id: result.data.signUp.user.id, email };
}

/** Makes a person a moderator or admin directly in the database (there is no UI for it yet). */
export async function grantRole(t: TestApp, userId: string, role: 'MODERATOR' | 'ADMIN'): Promise<void> {
  await t.db.query('UPDATE users SET role = $2 WHERE id = $1', [userId, role]);
}

/**
 * Grants an organisation role directly in the database, with the grant on the record, for
 * suites about what the role allows (organisations.e2e-spec.ts covers granting it in the app).
 */
export async function grantOrganisationRole(t: TestApp, userId: string, organisationSlug: string, role: 'MEMBER' | 'POLICY_AUTHOR' | 'ORG_ADMIN'): Promise<void> {
  const [organisation] = (await t.db.query('SELECT id FROM organisations WHERE slug = $1', [organisationSlug])) as { id: string }[];
  if (!organisation) throw new Error(`no organisation ${organisationSlug}`);
  await t.db.query('INSERT INTO organisation_memberships (organisation_id, user_id, role) VALUES ($1, $2, $3)', [organisation.id, userId, role]);
  await t.db.query('INSERT INTO organisation_role_changes (organisation_id, user_id, to_role, reason) VALUES ($1, $2, $3, $4)', [organisation.id, userId, role, 'Granted by the test setup.']);
}

/** The error code and field of the first error, for compact assertions. */
export function errorOf(result: GraphQLResponse<unknown>): { code?: string; field?: string; message: string } {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}
