import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ChildRecord } from '../../src/journey/child.entity';
import { insertChild } from '../helpers/factories';
import { onRealServer } from '../helpers/real-server';
import { useTestApi } from '../helpers/test-api';

/** Faults: the database failing under a request, or not there at all. */
const api = useTestApi();
const UPDATE = 'mutation ($input: UpdateChildInput!) { updateChild(input: $input) { firstName version } }';

onRealServer('terminating one backend needs a real server; PGlite has a single backend session')(
  'the connection dropped in the middle of a mutation',
  () => {
    it('answers DATABASE_UNAVAILABLE (503, Retry-After), writes nothing, and the next request is served without a restart', async () => {
      const db = api().dataSource;
      const child = await insertChild(db, 'KENT', { firstName: 'Before' });
      // The mutation's UPDATE sleeps in a trigger, so that its connection can be cut while it is under way.
      await db.query(`CREATE FUNCTION test_slow_update() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN IF NEW.first_name = 'Half-written' THEN PERFORM pg_sleep(10); END IF; RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER test_slow_update BEFORE UPDATE ON children FOR EACH ROW EXECUTE FUNCTION test_slow_update()`);
      try {
        const pending = api().as('ppm.kent')(UPDATE, { input: { childId: child.id, firstName: 'Half-written' } });
        let victim: number | undefined;
        for (let tries = 0; victim === undefined && tries < 250; tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          [{ pid: victim } = { pid: undefined }] = await db.query(`SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep'`);
        }
        expect(victim).toBeDefined();
        await db.query('SELECT pg_terminate_backend($1)', [victim]);

        const { status, errors, data, requestId } = await pending;
        expect(status).toBe(503);
        expect(errors).toEqual([
          expect.objectContaining({ extensions: { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 5, requestId } }),
        ]);
        expect(data).toBeUndefined();
        expect((await db.getRepository(ChildRecord).findOneByOrFail({ id: child.id })).firstName).toBe('Before');
      } finally {
        await db.query('DROP TRIGGER test_slow_update ON children');
        await db.query('DROP FUNCTION test_slow_update()');
      }
      const next = await api().as('ppm.kent')(UPDATE, { input: { childId: child.id, firstName: 'After' } });
      expect(next.errors).toBeUndefined();
      expect(next.data!.updateChild.firstName).toBe('After');
    });
  },
);

describe('the database down at start-up', () => {
  it('exits non-zero with a clear message, without hanging', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', '..', 'src', 'app', 'main.ts')], {
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', LOG_LEVEL: 'silent', PORT: '4999' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot start: .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
