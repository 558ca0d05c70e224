import { loadConfig } from '../config';
import { describeError } from '../../common/log-safe-error';
import { createLogger } from '../../common/logger';
import { openDatabase } from '../database';

/** `npm run migrate`: applies pending migrations (opening the database migrates it) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.logLevel));
  await database.close();
}

main().catch((error) => {
  console.error(`migration failed: ${describeError(error)}`);
  process.exit(1);
});
