import type { Client } from 'pg';

/** A column and its PostgreSQL type; arrays and jsonb travel as text and are cast row by row. */
export type Column = readonly [name: string, type: string];

const BATCH_ROWS = 5_000;
/** Batches queued before generation waits for the database to catch up. */
const MAX_QUEUED = 3;

export type TableStats = { rows: number; ms: number };

/**
 * Multi-row INSERT … SELECT FROM unnest(…) per batch. Each statement is sent when the one before it
 * completes, without the generator waiting for it, so that the next rows are generated while the
 * database writes these; past a few queued batches the generator waits.
 */
export class BulkLoader {
  readonly stats = new Map<string, TableStats>();
  private tail: Promise<void> = Promise.resolve();
  /** The batches sent or waiting, oldest first. */
  private readonly queue: Promise<void>[] = [];
  private failure: unknown = null;

  constructor(private readonly client: Client) {}

  table(name: string, columns: readonly Column[]): TableWriter {
    return new TableWriter(this, name, columns);
  }

  async send(table: string, columns: readonly Column[], values: unknown[][]): Promise<void> {
    if (this.failure) throw this.failure;
    const names = columns.map(([name]) => name).join(', ');
    const selected = columns.map(([name, type]) => (isCastPerRow(type) ? `u.${name}::${type}` : `u.${name}`)).join(', ');
    const unnested = columns.map(([, type], i) => `$${i + 1}::${isCastPerRow(type) ? 'text' : type}[]`).join(', ');
    const sql = `INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${unnested}) AS u(${names})`;
    this.tail = this.tail.then(async () => {
      const started = performance.now();
      try {
        if (!this.failure) await this.client.query(sql, values);
      } catch (error) {
        this.failure = new Error(`loading ${table}: ${error instanceof Error ? error.message : error}`);
      }
      const stats = this.stats.get(table) ?? { rows: 0, ms: 0 };
      stats.rows += values[0]!.length;
      stats.ms += performance.now() - started;
      this.stats.set(table, stats);
    });
    this.queue.push(this.tail);
    while (this.queue.length >= MAX_QUEUED) await this.queue.shift();
  }

  /** Waits for every queued statement; throws the first failure. */
  async drain(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure;
  }
}

function isCastPerRow(type: string): boolean {
  return type.endsWith('[]') || type === 'jsonb';
}

/** Rows of one table, buffered by column and sent a batch at a time. */
export class TableWriter {
  private values: unknown[][];

  constructor(
    private readonly loader: BulkLoader,
    readonly name: string,
    private readonly columns: readonly Column[],
  ) {
    this.values = columns.map(() => []);
  }

  /** One row, in the order of the columns. */
  async add(...row: unknown[]): Promise<void> {
    if (row.length !== this.columns.length) throw new Error(`${this.name}: ${row.length} values for ${this.columns.length} columns`);
    row.forEach((value, i) => this.values[i]!.push(value));
    if (this.values[0]!.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.values[0]!.length === 0) return;
    const batch = this.values;
    this.values = this.columns.map(() => []);
    await this.loader.send(this.name, this.columns, batch);
  }
}

/** A PostgreSQL array literal of text, for a text[] column sent as text. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
