import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../logger';

/** What a request's query runner carries so that its statements can be counted (tests, benchmark). */
export type RunnerData = { onStatement?: (sql: string) => void };

/** Routes TypeORM's logging to pino and counts every statement on the query runner that sent it. */
export class StatementCountingLogger implements TypeOrmLogger {
  constructor(private readonly pino: Logger) {}

  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    (queryRunner?.data as RunnerData | undefined)?.onStatement?.(query);
  }
  logQueryError(error: string | Error, query: string): void {
    this.pino.debug({ err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ time, query }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    this.pino.debug(message);
  }
  logMigration(message: string): void {
    this.pino.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn({ message }, 'typeorm');
    else this.pino.debug({ message }, 'typeorm');
  }
}
