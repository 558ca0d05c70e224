import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../src/app/database';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { createLogger } from '../../src/common/logger';

/**
 * Every run gets a database of its own, migrated once: a fresh in-memory PGlite when DATABASE_URL
 * is unset, else a new database on that server (dropped by global-teardown.ts).
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  let url: string;
  if (serverUrl) {
    const name = `apse_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    process.env.APSE_TEST_DATABASE_KIND = 'postgres';
    process.env.APSE_TEST_DATABASE_NAME = name;
  } else {
    const embedded = await startEmbeddedPostgres(null, 8);
    (globalThis as { stopEmbeddedPostgres?: () => Promise<void> }).stopEmbeddedPostgres = embedded.stop;
    url = embedded.url;
    process.env.APSE_TEST_DATABASE_KIND = 'embedded';
  }
  process.env.APSE_TEST_DATABASE_URL = url;
  await migrate(url, createLogger('silent'));
  console.log(`\ntests run on the ${process.env.APSE_TEST_DATABASE_KIND} database`);
}
