import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../common/logger';
import { statementName } from '../common/statement-name';

/** What a request's query runner carries so that its statements can be counted (tests, benchmark). */
export type RunnerData = { onStatement?: (sql: string) => void };

/**
 * Routes TypeORM's logging to pino and counts every statement on the query runner that sent it. A statement
 * is logged by its name, never by its text or parameters: both may carry a record's values.
 */
export class StatementCountingLogger implements TypeOrmLogger {
  constructor(private readonly pino: Logger) {}

  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    (queryRunner?.data as RunnerData | undefined)?.onStatement?.(query);
  }
  logQueryError(error: string | Error, query: string): void {
    this.pino.debug({ err: error, statement: statementName(query) }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ durationMs: time, statement: statementName(query) }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    this.pino.debug(message);
  }
  logMigration(message: string): void {
    this.pino.info(message);
  }
  /** TypeORM's own messages (the pool, extensions); one that is not text goes through the `err` serializer. */
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const fields = typeof message === 'string' ? { message } : { err: message };
    if (level === 'warn') this.pino.warn(fields, 'typeorm');
    else this.pino.debug(fields, 'typeorm');
  }
}
