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
