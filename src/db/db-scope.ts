import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { conflict } from '../graphql/errors';
import type { RunnerData } from './statement-counter';

/**
 * One request's database scope: one connection, one transaction, with who is asking set
 * transaction-locally (`set_config(..., true)`), so a pooled connection never carries a previous
 * request's settings and Row-Level Security can rely on them. Every statement of the request,
 * the actor and facts included, runs through it: on the embedded database an open transaction
 * holds every other connection, so a request must never wait on a second one.
 */
export class DbScope {
  private runner: QueryRunner | null = null;
  private done = false;
  /** Statements sent, for tests and the benchmark. */
  statementCount = 0;

  constructor(private readonly dataSource: DataSource) {}

  async open(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    (runner.data as RunnerData).onStatement = () => {
      this.statementCount += 1;
    };
    this.runner = runner;
    sendOneAtATime(runner);
    await runner.connect();
    await runner.startTransaction();
  }

  get manager(): EntityManager {
    if (!this.runner || this.done) throw new Error('database scope is not open');
    return this.runner.manager;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.manager.query(sql, params);
  }

  /**
   * Changes that belong together: a savepoint that is released on success and rolled back alone
   * on failure, so one failed mutation of an operation leaves nothing half-written. A unique
   * violation (a one-off step recorded twice by concurrent requests) is a CONFLICT.
   */
  async unit<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.runner!;
    await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      if (isUniqueViolation(error)) throw conflict('This has already been recorded');
      throw error;
    }
  }

  /** Commits (or rolls back) and returns the connection. Safe to call more than once. */
  async finish(outcome: 'commit' | 'rollback'): Promise<void> {
    if (this.done || !this.runner) return;
    this.done = true;
    const runner = this.runner;
    try {
      if (runner.isTransactionActive) {
        if (outcome === 'commit') await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * A connection runs one statement at a time; resolvers of one request (DataLoader batches, sibling fields)
 * may ask concurrently, so their statements queue here rather than inside the driver.
 */
function sendOneAtATime(runner: QueryRunner): void {
  const send = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => send(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}
