import { loadConfig } from '../config/app-config.js';
import { seedDemoData } from '../seed/seed.js';

try {
  console.log(await seedDemoData(loadConfig()));
} catch (error) {
  console.error(error);
  process.exit(1);
}
