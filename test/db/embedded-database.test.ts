import { statSync } from 'node:fs';
import { parse } from 'pg-connection-string';
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
