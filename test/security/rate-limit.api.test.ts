import { randomUUID } from 'node:crypto';
import { signDevToken } from '../../src/access/tokens';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { StaffRecord } from '../../src/staff/staff.entity';
import { onRealServer } from '../helpers/real-server';
import { resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';

/** Requests are limited per member of staff, counted in the database: two API instances share the count. */
const LIMIT = 5;
/** Requests of one member of staff at once on one instance, and waiting their turn. */
const IN_FLIGHT = 2;
const QUEUED = 1;
let first: TestApi;
let second: TestApi;

beforeAll(async () => {
  first = await startTestApi(undefined, LIMIT, undefined, undefined, IN_FLIGHT, QUEUED);
  second = await startTestApi(undefined, LIMIT, undefined, undefined, IN_FLIGHT, QUEUED);
  await resetDatabase(first.dataSource);
});
afterAll(async () => {
  await first.close();
  await second.close();
});

/** A member of staff of their own, so that no other test's requests count against them. */
async function newStaffToken(): Promise<string> {
  const staff = await first.dataSource
    .getRepository(StaffRecord)
    .save({ username: `kent.adm.${randomUUID().slice(0, 8)}`, displayName: 'Rate test' });
  await first.dataSource
    .getRepository(RoleAssignmentRecord)
    .insert({ staffId: staff.id, role: 'ADM', authority: 'KENT', panelId: null, panelRole: null, validFrom: '2020-11-01' });
  return `Bearer ${await signDevToken(TEST_CONFIG.jwt, staff.id)}`;
}

/** The count is per clock minute: start a burst well inside one, so that it cannot straddle two. */
async function awayFromMinuteBoundary(): Promise<void> {
  const [{ second: s }] = await first.dataSource.query(`SELECT extract(second FROM now())::float AS second`);
  if (s > 50) await new Promise((resolve) => setTimeout(resolve, (61 - s) * 1000));
}

it('past the limit a minute, a member of staff gets 429 RATE_LIMITED, the same on every instance', async () => {
  const token = await newStaffToken();
  await awayFromMinuteBoundary();
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await (i % 2 ? first : second).withHeader(token, '{ me { username } }')).status);
  expect(statuses).toEqual(Array(LIMIT).fill(200));
  const refused = await first.withHeader(token, '{ me { username } }');
  expect(refused.status).toBe(429);
  expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
});

it('one member of staff’s limit does not touch another’s', async () => {
  const busy = await newStaffToken();
  await awayFromMinuteBoundary();
  for (let i = 0; i <= LIMIT; i += 1) await first.withHeader(busy, '{ me { username } }');
  const other = await newStaffToken();
  expect((await second.withHeader(other, '{ me { username } }')).status).toBe(200);
});

it('every request counts, a refused one too: past the limit the count keeps growing and the member stays refused', async () => {
  const token = await newStaffToken();
  await awayFromMinuteBoundary();
  for (let i = 0; i < LIMIT + 3; i += 1) await first.withHeader(token, '{ me { username } }');
  const staffId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;
  const [{ counted }] = await first.dataSource.query(
    `SELECT coalesce(sum(requests), 0)::int AS counted FROM rate_limit_windows WHERE staff_id = $1`,
    [staffId],
  );
  expect(counted).toBe(LIMIT + 3);
});

it('requests without a valid token are limited per client address: past the limit a minute, 429 RATE_LIMITED instead of 401', async () => {
  await awayFromMinuteBoundary();
  await first.dataSource.query(`DELETE FROM rate_limit_addresses`);
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 2; i += 1)
    statuses.push((await (i % 2 ? first : second).withHeader(i % 3 ? 'Bearer not.a.token' : null, '{ me { username } }')).status);
  expect(statuses).toEqual([...Array(LIMIT).fill(401), 429, 429]);
  const refused = await first.withHeader(null, '{ me { username } }');
  expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
});

it('a member of staff with a valid token is not limited by their address’s refused requests', async () => {
  await awayFromMinuteBoundary();
  for (let i = 0; i < LIMIT + 2; i += 1) await first.withHeader(null, '{ me { username } }');
  expect((await first.withHeader(await newStaffToken(), '{ me { username } }')).status).toBe(200);
});

onRealServer('requests held waiting at once need a second backend to hold them')('requests in flight', () => {
  it('a member of staff’s requests beyond their share at once wait their turn, beyond the queue they are refused at once (RATE_LIMITED, CONCURRENT_REQUESTS); another’s still run', async () => {
    const token = await newStaffToken();
    const other = await newStaffToken();
    const holder = first.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`LOCK TABLE rate_limit_windows IN ACCESS EXCLUSIVE MODE`);
    try {
      const held = [1, 2, 3].map(() => first.withHeader(token, '{ me { username } }'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const beyond = await first.withHeader(token, '{ me { username } }');
      expect(beyond.status).toBe(429);
      expect(beyond.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'CONCURRENT_REQUESTS' });
      const another = first.withHeader(other, '{ me { username } }');
      await holder.rollbackTransaction();
      expect((await Promise.all([...held, another])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
