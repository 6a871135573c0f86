// Jest loads global setup outside its module system, so this one is plain ESM that uses
// the compiled api (turbo builds it before `test`). It migrates once into a template
// database; each test file then copies it, which is fast and keeps suites isolated.
import pg from 'pg';
import { runMigrations } from '../dist/database/migrate.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function admin(fn) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function globalSetup() {
  const template = `pc_test_template_${process.pid}`;
  process.env.PC_TEST_TEMPLATE = template;
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${template}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  await runMigrations(url.toString());
}
