import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../common/logger';
import { createDataSource } from '../data-source';
import { migrate } from '../database';
import { startEmbeddedPostgres } from '../../db/embedded';
import { describeSchema } from '../../db/schema-description';

/**
 * `npm run schema:sql`: migrates a fresh in-memory embedded database and writes its schema to schema/schema.sql
 * (a test fails when a migrated database differs from the committed file). A fresh database, not the configured
 * one: the file describes what the migrations make.
 */
async function main(): Promise<void> {
  const log = createLogger('warn');
  const embedded = await startEmbeddedPostgres(null, 1);
  let sql: string;
  try {
    await migrate(embedded.url, log);
    const dataSource = createDataSource({ url: embedded.url, poolMax: 1, log });
    await dataSource.initialize();
    try {
      sql = await describeSchema(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded.stop();
  }
  const file = join(__dirname, '..', '..', '..', 'schema', 'schema.sql');
  writeFileSync(file, sql);
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
