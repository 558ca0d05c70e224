import { statSync } from 'node:fs';
import { Client } from 'pg';
import { parse } from 'pg-connection-string';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { onEmbeddedDatabase } from '../helpers/real-server';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * The embedded database's one login is a superuser without a password: it is served on a Unix socket in a directory
 * only the API's operating-system user may enter, never on a network port another local process could reach. The
 * embedded run's own database (started as the API starts it) shows it.
 */
onEmbeddedDatabase('a real server has logins and passwords of its own')('the embedded database', () => {
  it('is served on a Unix socket, not a network port', () => {
    expect(parse(testDatabaseUrl()).host).toMatch(/^\//);
  });

  it('in a directory no other operating-system user may enter', () => {
    expect(statSync(parse(testDatabaseUrl()).host!).mode & 0o077).toBe(0);
  });
});

/**
 * The embedded database runs on a thread of its own, as a server's process would: while it works through a long
 * statement, the API's event loop goes on answering (health checks, other requests, a SIGTERM).
 */
describe('the embedded database’s thread', () => {
  it('a long statement leaves the calling thread’s event loop free', async () => {
    const database = await startEmbeddedPostgres(null, 1);
    const client = new Client({ connectionString: database.url });
    try {
      await client.connect();
      let ticks = 0;
      const ticking = setInterval(() => (ticks += 1), 5);
      await client.query(`SELECT count(*) FROM generate_series(1, 1000000) AS n, md5(n::text) AS h WHERE h LIKE '0%'`);
      clearInterval(ticking);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      await client.end();
      await database.stop();
    }
  });
});
