import request from 'supertest';
import { onRealServer } from '../helpers/real-server';
import { useTestApi } from '../helpers/test-api';

/**
 * Every request's statements have a statement, lock and idle-transaction timeout: a table locked by someone
 * else makes the requests that need it fail fast with TIMEOUT (503, retry), while the rest keep answering.
 */
const api = useTestApi();

onRealServer('a lock held by another session needs a second backend')('a table locked by another session', () => {
  it('a request that needs the locked table is answered TIMEOUT (503, Retry-After) within the lock timeout; `me` and the health check still answer', async () => {
    const holder = api().dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`LOCK TABLE children IN ACCESS EXCLUSIVE MODE`);
    try {
      const started = Date.now();
      const children = api().as('adm.kent')('{ children(first: 5) { totalCount } }');
      const me = await api().as('adm.kent')('{ me { username } }');
      expect(me.data?.me.username).toBe('adm.kent');
      expect((await request(api().server.app).get('/healthz')).status).toBe(200);
      const refused = await children;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions.code).toBe('TIMEOUT');
      expect(refused.data).toBeUndefined();
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await api().as('adm.kent')('{ children(first: 5) { totalCount } }')).errors).toBeUndefined();
  });
});
