import { createDataSource } from '../../src/app/data-source';
import { createLogger } from '../../src/common/logger';
import { DbScope } from '../../src/db/db-scope';
import { runStatementsByName } from '../../src/db/named-statements';
import { onRealServer } from '../helpers/real-server';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * On a real server a request's statements with parameters are prepared once per connection and run by name after,
 * so PostgreSQL parses them once and may keep their plan; the opening (no parameters) runs as it is.
 */
onRealServer('the embedded database keeps one session for every connection, so it runs statements unnamed')('named statements', () => {
  const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 1, log: createLogger('silent') });
  beforeAll(async () => {
    await dataSource.initialize();
    runStatementsByName(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const inScope = async <T>(work: (scope: DbScope) => Promise<T>): Promise<T> => {
    const scope = new DbScope(dataSource);
    await scope.open();
    try {
      return await work(scope);
    } finally {
      await scope.finish('rollback');
    }
  };
  const preparedLike = (scope: DbScope, text: string) =>
    scope.query<{ name: string; generic_plans: string; custom_plans: string }>(
      `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1`,
      [text],
    );

  it('prepares a statement with parameters once on its connection and runs it by name in every later request', async () => {
    const text = `SELECT count(*) FROM staff WHERE username = ANY ($1) AND active = $2`;
    for (let request = 0; request < 7; request += 1) await inScope((scope) => scope.query(text, [['adm.kent'], true]));
    const [prepared] = await inScope((scope) => preparedLike(scope, text));
    expect(prepared?.name).toMatch(/^apse_/);
    expect(Number(prepared!.generic_plans) + Number(prepared!.custom_plans)).toBe(7);
  });

  it('runs a statement without parameters as it is', async () => {
    const text = `SELECT count(*) FROM staff WHERE active`;
    await inScope((scope) => scope.query(text));
    expect(await inScope((scope) => preparedLike(scope, text))).toEqual([]);
  });
});
