import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { AppConfig } from './config/app-config.js';
import { createHttpApp } from './http-app.js';

export const SCHEMA_HEADER = '# Generated from the api code (npm run schema -w @policy-commons/api). Do not edit by hand.\n\n';

/** The schema the code-first resolvers produce, printed the way it is committed. */
export async function buildSchemaText(config: AppConfig): Promise<string> {
  const app = await createHttpApp(config, { logger: false });
  try {
    await app.init();
    const schema = app.get(GraphQLSchemaHost).schema;
    return `${SCHEMA_HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
