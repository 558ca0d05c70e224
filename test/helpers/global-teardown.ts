import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as { stopEmbeddedPostgres?: () => Promise<void> }).stopEmbeddedPostgres;
  if (stop) await stop();
  const name = process.env.APSE_TEST_DATABASE_NAME;
  if (process.env.DATABASE_URL && name) {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
