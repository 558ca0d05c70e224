import { randomUUID } from 'node:crypto';
import { signDevToken } from '../../src/auth/tokens';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { StaffRecord } from '../../src/staff/staff.entity';
import { resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';

/** Requests are limited per member of staff, counted in the database: two API instances share the count. */
const LIMIT = 5;
let first: TestApi;
let second: TestApi;

beforeAll(async () => {
  first = await startTestApi(undefined, LIMIT);
  second = await startTestApi(undefined, LIMIT);
  await resetDatabase(first.dataSource);
});
afterAll(async () => {
  await first.close();
  await second.close();
});

/** A member of staff of their own, so that no other test's requests count against them. */
async function newStaffToken(): Promise<string> {
  const staff = await first.dataSource.getRepository(StaffRecord).save({ username: `kent.adm.${randomUUID().slice(0, 8)}`, displayName: 'Rate test' });
  await first.dataSource.getRepository(RoleAssignmentRecord).insert({ staffId: staff.id, role: 'ADM', authority: 'KENT', panelId: null, panelRole: null });
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
