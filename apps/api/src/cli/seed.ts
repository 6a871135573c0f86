import { ConfigurationError, loadConfig } from '../config/app-config.js';
import { seedDemoData } from '../seed/seed.js';

try {
  const config = loadConfig();
  // Demo accounts share the README's password: only ever on a developer's machine.
  console.log(config.environment === 'development' ? await seedDemoData(config) : `NODE_ENV=${config.environment}: no demo data or demo accounts are created.`);
} catch (error) {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
}
