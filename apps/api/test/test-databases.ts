import pg from 'pg';
import { maintenanceUrl, quoteIdentifier } from '../src/database/database-admin.js';

export const serverUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const templateName = () => process.env.PC_TEST_TEMPLATE ?? `pc_test_template`;

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl(serverUrl()).url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

/** A fresh copy of the migrated template: every test file gets its own database. */
export async function createDatabaseFromTemplate(name: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(templateName())}`));
      return databaseUrl(name);
    } catch (error) {
      // Two files copying the template at the same moment: PostgreSQL refuses the second; retry.
      if (attempt < 20 && (error as { code?: string }).code === '55006') {
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        continue;
      }
      throw error;
    }
  }
}
