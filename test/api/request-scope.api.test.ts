import { DbScope } from '../../src/db/db-scope';
import { useTestApi } from '../helpers/test-api';

/** Who is asking is set per transaction, so a pooled connection never carries a previous request's tenant. */
const api = useTestApi();

it('after a request, no pooled connection still carries its staff id or authorities', async () => {
  await Promise.all(['adm.kent', 'ppm.medway', 'finder.1', 'adm.bexley'].map((u) => api().as(u)('{ me { username } }')));
  for (let i = 0; i < 4; i += 1) {
    const [row] = await api().dataSource.query(
      `SELECT coalesce(current_setting('app.staff_id', true), '') AS staff, coalesce(current_setting('app.authorities', true), '') AS authorities`,
    );
    expect(row).toEqual({ staff: '', authorities: '' });
  }
});

it('inside a request the transaction knows the staff id and the authorities the actor may reach', async () => {
  const scope = new DbScope(api().dataSource);
  await scope.open();
  await scope.query(`SELECT set_config('app.authorities', 'KENT', true)`);
  const [row] = await scope.query(`SELECT current_setting('app.authorities', true) AS authorities`);
  await scope.finish('rollback');
  expect(row).toEqual({ authorities: 'KENT' });
});

it('a failed unit of work rolls back alone and leaves the request’s transaction usable', async () => {
  const scope = new DbScope(api().dataSource);
  await scope.open();
  await expect(scope.unit((m) => m.query(`SELECT 1/0`))).rejects.toThrow();
  const [row] = await scope.query(`SELECT 1 AS alive`);
  await scope.finish('commit');
  expect(row).toEqual({ alive: 1 });
});
