import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from '../common/logger';
import { createDataSource } from './data-source';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../db/embedded';
import { runStatementsByName } from '../db/named-statements';

export type Database = { dataSource: DataSource; embedded: boolean; close: () => Promise<void> };

/** Applies every pending migration, as the owner login (MIGRATION_DATABASE_URL, else the app's). */
export async function migrate(url: string, log: Logger): Promise<string[]> {
  const owner = createDataSource({ url, poolMax: 1, log });
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await owner.destroy();
  }
}

/**
 * The database the API runs on: DATABASE_URL when set, else an embedded PGlite kept in
 * EMBEDDED_DATA_DIR. Migrated before use. Fails fast (connection timeout) when the server is down.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.embeddedDataDir, config.dbPoolMax);
  try {
    const url = config.databaseUrl ?? embedded!.url;
    const applied = await migrate(config.migrationDatabaseUrl ?? url, log);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const dataSource = createDataSource({ url, poolMax: config.dbPoolMax, log });
    await dataSource.initialize();
    if (!embedded) runStatementsByName(dataSource);
    return {
      dataSource,
      embedded: embedded !== null,
      close: async () => {
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * The database for a command-line tool, as its owner (the access log is read past Row-Level Security): the
 * configured server; else the embedded database a running API serves from the data directory; else the
 * embedded database opened here.
 */
export async function openToolDatabase(config: Config, log: Logger): Promise<Database> {
  const url = config.migrationDatabaseUrl ?? (config.databaseUrl ? null : runningEmbeddedUrl(config.embeddedDataDir));
  if (!url) return openDatabase(config, log);
  const dataSource = createDataSource({ url, poolMax: 1, log });
  await dataSource.initialize();
  return { dataSource, embedded: !config.databaseUrl, close: () => dataSource.destroy() };
}
