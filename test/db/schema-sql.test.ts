import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource } from '../../src/app/data-source';
import { describeSchema } from '../../src/db/schema-description';
import { createLogger } from '../../src/common/logger';
import { testDatabaseUrl } from '../helpers/test-database';

describe('the committed database schema', () => {
  it('schema/schema.sql is what the migrations make (run `npm run schema:sql` after adding a migration)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.sql'), 'utf8');
    const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 1, log: createLogger('silent') });
    await dataSource.initialize();
    try {
      expect(await describeSchema(dataSource)).toBe(committed);
    } finally {
      await dataSource.destroy();
    }
  });
});
