import { Client } from 'pg';

const PEER_LOGIN = 'apse_bench_peer';

/**
 * The peer's login on the benchmark database: a member of the request role (`apse_app`), made once by the
 * benchmark's own login (a superuser). Its password is the benchmark's, on a benchmark database only.
 */
export async function peerDatabaseUrl(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PEER_LOGIN}') THEN
        CREATE ROLE ${PEER_LOGIN} LOGIN PASSWORD '${PEER_LOGIN}' IN ROLE apse_app;
      END IF;
    END $$`);
  } finally {
    await client.end();
  }
  const url = new URL(databaseUrl);
  url.username = PEER_LOGIN;
  url.password = PEER_LOGIN;
  return url.toString();
}
