import { randomUUID } from 'node:crypto';
import { demoStaff } from '../../seeds/demo-staff';
import { openAsActor } from '../../src/access/actor-loader';
import { DbScope } from '../../src/db/db-scope';
import { ChildRecord } from '../../src/journey/child.entity';
import { insertChild } from '../helpers/factories';
import { CREATE_CHILD, LIST_CHILDREN } from '../helpers/operations';
import { onRealServer } from '../helpers/real-server';
import { DEFAULT_NOW, useTestApi } from '../helpers/test-api';
import { M } from '../journey/journey-api';

/**
 * Safe retries: a mutation sent with an `Idempotency-Key` whose response was lost may be sent again with the same key;
 * the same member of staff, operation and variables within 24 hours get the first response back, and nothing is
 * written twice. The stored response is written in the mutation's own transaction and read back only by its member
 * of staff (forced Row-Level Security).
 */
const api = useTestApi(async ({ dataSource }) => {
  await insertChild(dataSource, 'KENT');
});

const kentChild = (firstName = 'Ada') => ({
  input: { authority: 'KENT', firstName, lastName: 'Smith', dateOfBirth: '2023-05-01', enteredCareOn: '2024-02-12' },
});
const keyed = (key: string) => ({ 'Idempotency-Key': key });
const children = () => api().dataSource.getRepository(ChildRecord).count();
const entries = async (key: string) =>
  (await api().dataSource.query(`SELECT count(*)::int AS n FROM idempotent_responses WHERE key = $1`, [key]))[0].n as number;

it('a retry with the same key, operation and variables gets the first response back, marked replayed, and the child is written once', async () => {
  const key = randomUUID();
  const before = await children();
  const first = await api().as('ppm.kent')(CREATE_CHILD, kentChild(), keyed(key));
  const retry = await api().as('ppm.kent')(CREATE_CHILD, kentChild(), keyed(key));
  expect(first.errors).toBeUndefined();
  expect(first.headers['idempotent-replayed']).toBeUndefined();
  expect(retry.status).toBe(200);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.data).toEqual(first.data);
  expect(await children()).toBe(before + 1);
});

it('two sends of one keyed mutation at once write it once, and both are answered with the same child', async () => {
  const key = randomUUID();
  const before = await children();
  const [one, other] = await Promise.all([
    api().as('ppm.kent')(CREATE_CHILD, kentChild('Bo'), keyed(key)),
    api().as('ppm.kent')(CREATE_CHILD, kentChild('Bo'), keyed(key)),
  ]);
  expect(one.errors).toBeUndefined();
  expect(other.errors).toBeUndefined();
  expect(other.data!.createChild.id).toBe(one.data!.createChild.id);
  expect(await children()).toBe(before + 1);
});

it('the same key with other variables is refused (422, IDEMPOTENCY_KEY_REUSED), nothing written', async () => {
  const key = randomUUID();
  expect((await api().as('ppm.kent')(CREATE_CHILD, kentChild('Cy'), keyed(key))).errors).toBeUndefined();
  const before = await children();
  const { status, data, errors } = await api().as('ppm.kent')(CREATE_CHILD, kentChild('Di'), keyed(key));
  expect(status).toBe(422);
  expect(data).toBeUndefined();
  expect(errors![0]!.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await children()).toBe(before);
});

it('another member of staff’s same key is theirs alone: it writes their own record and replays nothing of the first', async () => {
  const key = randomUUID();
  const before = await children();
  const kent = await api().as('ppm.kent')(CREATE_CHILD, kentChild('Ed'), keyed(key));
  const medway = await api().as('ppm.medway')(CREATE_CHILD, { input: { ...kentChild('Ed').input, authority: 'MEDWAY' } }, keyed(key));
  expect(medway.errors).toBeUndefined();
  expect(medway.headers['idempotent-replayed']).toBeUndefined();
  expect(medway.data!.createChild.id).not.toBe(kent.data!.createChild.id);
  expect(await children()).toBe(before + 2);
});

it('a mutation that failed (CONFLICT) stores nothing: the same key with the corrected version then writes', async () => {
  const key = randomUUID();
  const created = await api().as('ppm.kent')(CREATE_CHILD, kentChild('Fi'));
  const { id, version } = created.data!.createChild as { id: string; version: number };
  const stale = await api().as('ppm.kent')(M.updateChild, { input: { childId: id, version: version + 1, religion: 'none' } }, keyed(key));
  expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  expect(await entries(key)).toBe(0);
  const corrected = await api().as('ppm.kent')(M.updateChild, { input: { childId: id, version, religion: 'none' } }, keyed(key));
  expect(corrected.errors).toBeUndefined();
  expect(corrected.data!.updateChild).toMatchObject({ id, version: version + 1 });
  expect(await entries(key)).toBe(1);
});

it.each([
  ['empty', ''],
  ['over 128 characters', 'k'.repeat(129)],
  ['holding a space', 'my key'],
  ['holding a slash', 'a/b'],
])('a key %s is refused (400, INVALID_IDEMPOTENCY_KEY), nothing written', async (_case, key) => {
  const before = await children();
  const { status, errors } = await api().as('ppm.kent')(CREATE_CHILD, kentChild('Gus'), keyed(key));
  expect(status).toBe(400);
  expect(errors![0]!.extensions.code).toBe('INVALID_IDEMPOTENCY_KEY');
  expect(await children()).toBe(before);
});

it('a query ignores the header, even a key that would be refused, and nothing is stored', async () => {
  const { errors } = await api().as('adm.kent')(LIST_CHILDREN, { first: 1 }, keyed('not a valid key'));
  expect(errors).toBeUndefined();
  expect(await entries('not a valid key')).toBe(0);
});

it('any keyed write purges every member of staff’s entries past 24 hours', async () => {
  const key = randomUUID();
  await api().as('ppm.medway')(CREATE_CHILD, { input: { ...kentChild('Jo').input, authority: 'MEDWAY' } }, keyed(key));
  await api().dataSource.query(`UPDATE idempotent_responses SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
  await api().as('ppm.kent')(CREATE_CHILD, kentChild('Jo'), keyed(randomUUID()));
  expect(await entries(key)).toBe(0);
});

it('after 24 hours a stored response answers no more: the same key writes again, and the expired entry is purged', async () => {
  const key = randomUUID();
  const before = await children();
  await api().as('ppm.kent')(CREATE_CHILD, kentChild('Hal'), keyed(key));
  await api().dataSource.query(`UPDATE idempotent_responses SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
  const later = await api().as('ppm.kent')(CREATE_CHILD, kentChild('Hal'), keyed(key));
  expect(later.headers['idempotent-replayed']).toBeUndefined();
  expect(await children()).toBe(before + 2);
  const [entry] = await api().dataSource.query(
    `SELECT created_at > now() - interval '1 hour' AS fresh FROM idempotent_responses WHERE key = $1`,
    [key],
  );
  expect(entry).toEqual({ fresh: true });
});

describe('the stored responses under Row-Level Security, as a request sees them', () => {
  /** Counts, as `username`'s request would, the stored entries of `key`, rolling back after. */
  async function visibleTo(username: string, key: string): Promise<number> {
    const scope = new DbScope(api().dataSource);
    try {
      await openAsActor(
        scope,
        demoStaff(username).id,
        { requestId: 'idempotency-test', clientRequestId: null, policyVersion: 'test' },
        DEFAULT_NOW.slice(0, 10),
        new Date(DEFAULT_NOW),
      );
      return (await scope.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotent_responses WHERE key = $1`, [key]))[0]!.n;
    } finally {
      await scope.finish('rollback');
    }
  }

  it('a member of staff reads their own entry; another reads nothing of it', async () => {
    const key = randomUUID();
    await api().as('ppm.kent')(CREATE_CHILD, kentChild('Ivy'), keyed(key));
    expect(await visibleTo('ppm.kent', key)).toBe(1);
    expect(await visibleTo('ppm.medway', key)).toBe(0);
    expect(await visibleTo('adm.kent', key)).toBe(0);
  });

  it('the table has Row-Level Security enabled and forced', async () => {
    const [row] = await api().dataSource.query(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'idempotent_responses'`,
    );
    expect(row).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });
});

/** Another session holding the lock the API takes for ppm.kent's `key`, in an open transaction. */
async function holdKeyLock(key: string) {
  const holder = api().dataSource.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('idempotency:' || $1 || ':' || $2, 0))`, [
    demoStaff('ppm.kent').id,
    key,
  ]);
  return holder;
}

onRealServer('a lock held by another session needs a second backend')('a retry while the first is still running', () => {
  it('two sends of one key both waiting at once: the first writes, the second is answered with its response, one child', async () => {
    const key = randomUUID();
    const holder = await holdKeyLock(key);
    const before = await children();
    const sends = [0, 1].map(() => api().as('ppm.kent')(CREATE_CHILD, kentChild('Lu'), keyed(key)));
    const waiting = () =>
      api().dataSource.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
            AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('idempotency:' || $1 || ':' || $2, 0)`,
        [demoStaff('ppm.kent').id, key],
      );
    while ((await waiting())[0].n < 2) await new Promise((resolve) => setImmediate(resolve));
    await holder.rollbackTransaction();
    await holder.release();
    const [one, other] = await Promise.all(sends);
    expect([one!.errors, other!.errors]).toEqual([undefined, undefined]);
    expect(other!.data!.createChild.id).toBe(one!.data!.createChild.id);
    expect([one!.headers['idempotent-replayed'], other!.headers['idempotent-replayed']].sort()).toEqual(['true', undefined]);
    expect(await children()).toBe(before + 1);
  });

  it('waits for it, and past the lock timeout is answered TIMEOUT (503, naming the request), nothing written; the key then writes', async () => {
    const key = randomUUID();
    const holder = await holdKeyLock(key);
    const before = await children();
    try {
      const waiting = await api().as('ppm.kent')(CREATE_CHILD, kentChild('Kim'), keyed(key));
      expect(waiting.status).toBe(503);
      expect(waiting.errors).toEqual([expect.objectContaining({ extensions: { code: 'TIMEOUT', requestId: waiting.requestId } })]);
      expect(await children()).toBe(before);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await api().as('ppm.kent')(CREATE_CHILD, kentChild('Kim'), keyed(key))).errors).toBeUndefined();
    expect(await children()).toBe(before + 1);
  });
});
