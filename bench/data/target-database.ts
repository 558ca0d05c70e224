import type { Client } from 'pg';
import { insertDemoStaff } from '../../seeds/seed';
import { createDataSource } from '../../src/app/data-source';
import { migrate } from '../../src/app/database';
import { createLogger } from '../../src/common/logger';

/** Tables that hold rows in a migrated database before any data (the applied migrations). */
const BOOKKEEPING_TABLES = new Set(['migrations']);

export class NotEmptyError extends Error {}

/**
 * Makes the target an empty, migrated database with the demo staff: refuses one that holds data unless
 * `reset`, which drops the public schema first.
 */
export async function prepareTargetDatabase(client: Client, url: string, reset: boolean): Promise<void> {
  const filled = await tablesWithRows(client);
  if (filled.length > 0) {
    if (!reset) {
      throw new NotEmptyError(
        `the target database already holds data (${filled.join(', ')}); pass --reset to drop the public schema and start again`,
      );
    }
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  }
  const log = createLogger('warn');
  await migrate(url, log);
  const dataSource = createDataSource({ url, poolMax: 1, log });
  await dataSource.initialize();
  try {
    await dataSource.transaction((manager) => insertDemoStaff(manager));
  } finally {
    await dataSource.destroy();
  }
}

async function tablesWithRows(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const filled: string[] = [];
  for (const { table_name: table } of rows) {
    if (BOOKKEEPING_TABLES.has(table)) continue;
    const { rows: found } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
    if (found.length > 0) filled.push(table);
  }
  return filled;
}
