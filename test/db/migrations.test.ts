import { createDataSource } from '../../src/app/data-source';
import { describeSchema } from '../../src/db/schema-description';
import { MIGRATIONS } from '../../migrations';
import { createLogger } from '../../src/common/logger';
import { testDatabaseUrl } from '../helpers/test-database';

/** Every migration has a working `down`: all of them undo to an empty schema and apply again to the same one. */
it('every migration reverts and re-applies cleanly', async () => {
  const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 1, log: createLogger('silent') });
  await dataSource.initialize();
  try {
    const before = await describeSchema(dataSource);
    expect(before).toContain('CREATE TABLE children (');
    for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    // Nothing left but the description's opening comment, its first paragraph.
    expect(await describeSchema(dataSource)).toBe(before.slice(0, before.indexOf('\n\n') + 1));
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await describeSchema(dataSource)).toBe(before);
  } finally {
    await dataSource.destroy();
  }
});

/** A request's count is written on every request: unlogged, its COMMIT does not wait for the disk; the access log does. */
it('keeps the rate counts out of the write-ahead log, and the access log in it', async () => {
  const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 1, log: createLogger('silent') });
  await dataSource.initialize();
  try {
    const rows: { relname: string; relpersistence: string }[] = await dataSource.query(
      `SELECT relname, relpersistence FROM pg_class
        WHERE relname IN ('rate_limit_windows', 'rate_limit_addresses', 'audit_events', 'audit_chain_heads') ORDER BY relname`,
    );
    expect(rows).toEqual([
      { relname: 'audit_chain_heads', relpersistence: 'p' },
      { relname: 'audit_events', relpersistence: 'p' },
      { relname: 'rate_limit_addresses', relpersistence: 'u' },
      { relname: 'rate_limit_windows', relpersistence: 'u' },
    ]);
  } finally {
    await dataSource.destroy();
  }
});
