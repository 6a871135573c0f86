import 'reflect-metadata';
import { ConfigurationError, loadConfig } from './config/app-config.js';
import { createHttpApp } from './http-app.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config);
  await app.listen(config.port);
  console.log(`api: serving ${config.publicUrl} (GraphQL at ${config.publicUrl}/graphql)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
