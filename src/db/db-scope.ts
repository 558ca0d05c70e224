import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { ChangeRefused } from './change-refused';
import { nameStatementsOn } from './named-statements';
import type { OpeningStatement } from './session-statement';
import type { RunnerData } from './statement-counter';

type Result = { rows: Record<string, unknown>[] };

/** SQLSTATE of EXECUTE on a statement this session has not prepared, and of PREPARE on one it has. */
const UNPREPARED = '26000';
const ALREADY_PREPARED = '42P05';

function sqlState(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

/**
 * Prepares the session statements among `statements`. On the embedded database every connection shares one
 * session, so another connection may have prepared one meanwhile: that is as good.
 */
async function prepareOnSession(client: { query: (sql: string) => Promise<unknown> }, statements: OpeningStatement[]): Promise<void> {
  for (const s of statements) {
    if (typeof s === 'string') continue;
    await client.query(s.statement.prepare).catch((error: unknown) => {
      if (sqlState(error) !== ALREADY_PREPARED) throw error;
    });
  }
}

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
  private units = 0;
  /** A statement to run after a ROLLBACK, outside the transaction: what must be kept whatever happens. */
  private afterRollback: string | null = null;
  /** Statements sent, for tests and the benchmark. */
  statementCount = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes a connection and opens the transaction together with `statements`, in one round trip: a
   * simple-protocol message, so they take no parameters (their literals are escaped by the caller). They
   * run in order, each seeing what the one before set; an error stops the rest. A session statement not yet
   * prepared on this database session is prepared, and the message sent again. Returns the rows of each.
   */
  async open(...statements: OpeningStatement[]): Promise<Record<string, unknown>[][]> {
    const runner = this.dataSource.createQueryRunner();
    (runner.data as RunnerData).onStatement = () => {
      this.statementCount += 1;
    };
    this.runner = runner;
    const client = (await runner.connect()) as { query: (sql: string) => Promise<Result | Result[]> };
    nameStatementsOn(this.dataSource, client as never);
    sendOneAtATime(runner);
    const sql = ['BEGIN', ...statements.map((s) => (typeof s === 'string' ? s : s.statement.execute(...s.literals)))].join(';\n');
    const send = async () => {
      const results = await client.query(sql);
      return (Array.isArray(results) ? results : [results]).slice(1).map((result) => result.rows);
    };
    // Counted once: the preparation happens once in the life of a database session, not per request.
    this.dataSource.logger.logQuery(sql, undefined, runner);
    markTransactionActive(runner, true);
    try {
      return await send();
    } catch (error) {
      if (sqlState(error) !== UNPREPARED) throw error;
      await client.query('ROLLBACK');
      await prepareOnSession(client, statements);
      return send();
    }
  }

  /** Runs `sql` (no parameters) after this scope rolls back, in the ROLLBACK's round trip. */
  keepOnRollback(sql: string): void {
    this.afterRollback = sql;
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
   * violation (a one-off step recorded twice by concurrent requests) is refused (`ChangeRefused`, a CONFLICT). A deadlock or a
   * serialization failure (two requests changing the same records at once) is rolled back and the work
   * tried once more; a second is a CONFLICT the caller may retry.
   */
  async unit<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const savepoint = `unit_${(this.units += 1)}`;
      await this.query(`SAVEPOINT ${savepoint}`);
      try {
        const result = await work(this.manager);
        await this.query(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        await this.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        if (isUniqueViolation(error)) throw new ChangeRefused('ALREADY_RECORDED', 'This has already been recorded');
        if (!isConcurrencyFailure(error)) throw error;
        if (attempt === MAX_ATTEMPTS)
          throw new ChangeRefused('CONCURRENT_CHANGE', 'Another change to the same records got in the way: try again');
      }
    }
  }

  /**
   * Commits, after `lastStatement` if given, in the same round trip (an error in it stops the COMMIT, and
   * the transaction is rolled back); then returns the connection. Like `finish`, at most once.
   */
  async commit(lastStatement: string | null = null): Promise<void> {
    await this.end(lastStatement ? `${lastStatement};\nCOMMIT` : 'COMMIT');
  }

  /** Commits (or rolls back) and returns the connection. Safe to call more than once. */
  finish(outcome: 'commit' | 'rollback'): Promise<void> {
    return this.end(outcome === 'commit' ? 'COMMIT' : this.rollbackStatement());
  }

  private rollbackStatement(): string {
    return this.afterRollback ? `ROLLBACK;\n${this.afterRollback}` : 'ROLLBACK';
  }

  /** False once the scope has ended, or if it never opened. */
  get isOpen(): boolean {
    return this.runner !== null && !this.done;
  }

  private async end(sql: string): Promise<void> {
    if (this.done || !this.runner) return;
    this.done = true;
    const runner = this.runner;
    try {
      if (runner.isTransactionActive) await runner.query(sql);
    } catch (error) {
      await runner.query(this.rollbackStatement()).catch(() => undefined);
      throw error;
    } finally {
      markTransactionActive(runner, false);
      await runner.release();
    }
  }
}

/**
 * The transaction is this scope's, not TypeORM's: marked active, TypeORM's own writes (save, insert) join
 * it rather than opening and committing one of their own.
 */
function markTransactionActive(runner: QueryRunner, active: boolean): void {
  (runner as { isTransactionActive: boolean }).isTransactionActive = active;
}

/** A unit of work is tried at most this often when concurrent requests deadlock or fail to serialize. */
const MAX_ATTEMPTS = 2;
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

function driverCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return driverCode(error) === '23505';
}

function isConcurrencyFailure(error: unknown): boolean {
  const code = driverCode(error);
  return code === DEADLOCK || code === SERIALIZATION_FAILURE;
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
