import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

/**
 * State a step's rule reads about one record (a child's live plan, a household's open matches), written once as a
 * read of many records' keys: the step reads it for its one record, `viewerCan` for a page in one statement. Domain
 * state for the rule, never returned to a caller, read as the step reads it: under the database's row security, not
 * filtered by the read policy (a rule sees what its step sees).
 */
export type RuleRead<V> = { name: string; read: (manager: EntityManager, keys: readonly string[]) => Promise<Map<string, V>> };

/** How a rule reads its state: `get` is the value for one key, null when there is none. */
export type RuleReader = { get<V>(read: RuleRead<V>, key: string): Promise<V | null> };

/** Reads in a step's own unit, as its rules run: one key at a time, after the step's locks. */
export function unitReader(manager: EntityManager): RuleReader {
  return {
    get: async (read, key) => (await read.read(manager, [key])).get(key) ?? null,
  };
}

/** Reads for a request's controls: one DataLoader a read, so a page of records costs one statement a read. */
export class BatchedRuleReader implements RuleReader {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly manager: () => EntityManager) {}

  get<V>(read: RuleRead<V>, key: string): Promise<V | null> {
    let loader = this.loaders.get(read.name) as DataLoader<string, V | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V | null>(
        async (keys) => {
          const found = await read.read(this.manager(), keys);
          return keys.map((k) => found.get(k) ?? null);
        },
        { maxBatchSize: 1000 },
      );
      this.loaders.set(read.name, loader as DataLoader<string, unknown>);
    }
    return loader.load(key);
  }
}

/** The first row for each key (the rows come in the order that makes it the one wanted). */
export function firstBy<R>(rows: readonly R[], key: (row: R) => string): Map<string, R> {
  const found = new Map<string, R>();
  for (const row of rows) if (!found.has(key(row))) found.set(key(row), row);
  return found;
}

/** All rows for each key, in the order they came. */
export function groupedBy<R>(rows: readonly R[], key: (row: R) => string): Map<string, R[]> {
  const found = new Map<string, R[]>();
  for (const row of rows) found.set(key(row), [...(found.get(key(row)) ?? []), row]);
  return found;
}
