import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests can assert that a list query costs
 * the same number of statements whatever its length (DataLoader at work).
 */
export class StatementCounter extends AbstractLogger {
  count = 0;

  constructor(private readonly echo: boolean) {
    super();
  }

  override logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    if (this.echo) super.logQuery(query, parameters);
  }

  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    if (!this.echo) return;
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      const text = typeof m === 'object' ? String(m.message) : String(m);
      console.log(`[sql ${level}] ${text}`);
    }
  }
}
