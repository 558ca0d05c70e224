import { loadConfig } from '../src/app/config';
import { openDatabase } from '../src/app/database';
import { describeError } from '../src/common/log-safe-error';
import { createLogger } from '../src/common/logger';
import { isSeeded, seedDemoData } from './seed';

/**
 * `npm run seed`: migrates, then seeds demo data into an empty database (DATABASE_URL, or the
 * embedded one; stop `npm start` first, as the embedded data directory has one owner at a time).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, log);
  try {
    if (await isSeeded(database.dataSource)) {
      log.info('the database already holds data; nothing seeded');
    } else {
      log.info(await seedDemoData(database.dataSource), 'demo data seeded');
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`seed failed: ${describeError(error)}`);
  process.exit(1);
});
