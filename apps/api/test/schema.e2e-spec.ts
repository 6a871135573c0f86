import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, findBreakingChanges } from 'graphql';
import { loadConfig } from '../src/config/app-config.js';
import { buildSchemaText } from '../src/graphql-schema.js';
import { createDatabaseFromTemplate, dropDatabase } from './test-databases.js';

const here = dirname(fileURLToPath(import.meta.url));
const committedSchemaPath = resolve(here, '..', 'schema.graphql');
const contractPath = resolve(here, '..', '..', '..', 'docs', 'api-contract.graphql');

/**
 * Parts of the public contract whose issues have not landed yet. Each entry must still be
 * missing (the test fails on a stale entry), so this list only ever shrinks to nothing.
 */
const NOT_YET_BUILT: { issue: number; change: RegExp }[] = [
];

describe('the GraphQL schema', () => {
  let generated: string;
  const database = `pc_test_schema_${process.pid}`;

  beforeAll(async () => {
    const databaseUrl = await createDatabaseFromTemplate(database);
    generated = await buildSchemaText(loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, RUN_MIGRATIONS: 'false', WEB_DIST_DIR: '/nonexistent' }));
  });
  afterAll(() => dropDatabase(database));

  it('matches the committed schema.graphql the web app generates its types from', () => {
    // If this fails: run `npm run schema -w @policy-commons/api` and commit apps/api/schema.graphql.
    expect(readFileSync(committedSchemaPath, 'utf8')).toBe(generated);
  });

  it('does not break the public API contract (additions are fine)', () => {
    const contract = buildSchema(readFileSync(contractPath, 'utf8'));
    const breaking = findBreakingChanges(contract, buildSchema(generated)).map((c) => c.description);
    const unexpected = breaking.filter((description) => !NOT_YET_BUILT.some((entry) => entry.change.test(description)));
    expect(unexpected).toEqual([]);
    const stale = NOT_YET_BUILT.filter((entry) => !breaking.some((description) => entry.change.test(description)));
    expect(stale.map((entry) => entry.change.source)).toEqual([]);
  });
});
