import type { DataSource } from 'typeorm';
import { seedDemoData, type SeedSummary } from '../../seeds/seed';
import { createDataSource } from '../../src/app/data-source';
import { createLogger } from '../../src/common/logger';
import { resetDatabase } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/** The seed's "today" in these tests: its records reach up to it, and its coming panel meetings just beyond. */
export const SEED_TODAY = '2026-11-20';

export type SeededDatabase = {
  dataSource: DataSource;
  summary: SeedSummary;
  rows: <T = Record<string, unknown>>(sql: string, parameters?: unknown[]) => Promise<T[]>;
};

/** Empties the database and seeds the demo data as of SEED_TODAY, once for the test file. */
export function useSeededDatabase(): () => SeededDatabase {
  let seeded: SeededDatabase | undefined;
  beforeAll(async () => {
    const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 2, log: createLogger('silent') });
    await dataSource.initialize();
    // The reset leaves the demo staff, which the seed writes itself (with everything that refers to them).
    await resetDatabase(dataSource);
    await dataSource.query('TRUNCATE staff, panels CASCADE');
    const summary = await seedDemoData(dataSource, SEED_TODAY);
    seeded = { dataSource, summary, rows: (sql, parameters) => dataSource.query(sql, parameters) };
  }, 180_000);
  afterAll(() => seeded?.dataSource.destroy());
  return () => seeded!;
}
