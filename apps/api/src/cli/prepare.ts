import { DomainException } from '../common/errors.js';
import { ConfigurationError, loadConfig } from '../config/app-config.js';
import { ensureDatabase } from '../database/database-admin.js';
import { runMigrations } from '../database/migrate.js';
import { importBundledPolicies } from '../modules/policies/policy-import.js';
import { seedDemoData } from '../seed/seed.js';
import { checkPostgres, checkRedis, ServiceUnreachableError } from './service-checks.js';

/**
 * What `npm start` does before serving: check PostgreSQL and Redis, create the database
 * if it is missing, run migrations and, in development only, import the bundled policies
 * and seed the demo once.
 * Every check runs before anything is created, so a missing service leaves nothing behind.
 */
try {
  const config = loadConfig();
  await checkPostgres(config.databaseUrl);
  await checkRedis(config.redisUrl);
  if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}.`);
  const ran = await runMigrations(config.databaseUrl);
  if (ran.length) console.log(`Ran ${ran.length} migration(s).`);
  // The bundled corpus and the demo accounts (with the README's password) are for trying the
  // forum out: a test or production database gets neither unless someone imports policies on purpose.
  if (config.environment === 'development') {
    console.log(await importBundledPolicies(config));
    console.log(await seedDemoData(config));
  } else {
    console.log(`NODE_ENV=${config.environment}: no demo policies, demo data or demo accounts are created.`);
  }
} catch (error) {
  // Refusals a person can act on (a service down, a bad setting, a bundled policy that
  // conflicts with what is published) are shown as their message, without a stack trace.
  if (error instanceof ServiceUnreachableError || error instanceof ConfigurationError || error instanceof DomainException) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
