import { createDataSource } from '../../src/app/data-source';
import { MIGRATIONS } from '../../migrations';
import { createLogger } from '../../src/common/logger';
import { testDatabaseUrl } from '../helpers/test-database';

/** Every migration has a working `down`: all of them undo to an empty schema and apply again. */
it('every migration reverts and re-applies cleanly', async () => {
  const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 1, log: createLogger('silent') });
  await dataSource.initialize();
  const tables = async () =>
    (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map(
      (r: { tablename: string }) => r.tablename,
    );
  try {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['children', 'role_assignments', 'staff']));
    for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(before);
  } finally {
    await dataSource.destroy();
  }
});
