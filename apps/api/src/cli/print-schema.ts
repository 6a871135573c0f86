import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/app-config.js';
import { buildSchemaText } from '../graphql-schema.js';

/** Writes apps/api/schema.graphql, the committed schema the web app's codegen reads. */
const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema.graphql');
try {
  // Printing the schema serves nobody: it needs no production settings, whatever NODE_ENV says.
  writeFileSync(target, await buildSchemaText(loadConfig({ ...process.env, NODE_ENV: 'development', RUN_MIGRATIONS: 'false' })));
  console.log(`Wrote ${target}`);
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
