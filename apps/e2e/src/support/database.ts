import { execFileSync } from 'node:child_process';

/** Runs SQL in the journey's own database, for arrangement the app has no screen for (e.g. an account's age). */
export function runSql(databaseUrl: string, sql: string): string {
  return execFileSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-t', '-A', '-c', sql], { stdio: 'pipe', encoding: 'utf8' }).trim();
}
