import { loadConfig } from '../config/app-config.js';
import { ensureDatabase } from '../database/database-admin.js';
import { runMigrations } from '../database/migrate.js';
import { checkPostgres } from './service-checks.js';

try {
  // Inside the try: a bad or missing setting is reported as its message, like any other refusal.
  const config = loadConfig();
  await checkPostgres(config.databaseUrl);
  await ensureDatabase(config.databaseUrl);
  const ran = await runMigrations(config.databaseUrl);
  console.log(ran.length ? `Ran ${ran.length} migration(s): ${ran.join(', ')}` : 'The database is up to date.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
