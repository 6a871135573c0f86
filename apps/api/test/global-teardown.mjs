import { admin } from './global-setup.mjs';

export default async function globalTeardown() {
  const template = process.env.PC_TEST_TEMPLATE;
  if (template) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
}
