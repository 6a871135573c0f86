import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError, loadConfig } from './config/app-config.js';
import { createHttpApp } from './http-app.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config);
  await app.listen(config.port);
  new Logger('Policy Commons').log(`Serving ${config.publicUrl} (GraphQL at ${config.publicUrl}/graphql)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
