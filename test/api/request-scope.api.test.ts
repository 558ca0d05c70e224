import request from 'supertest';
import type { DataSource } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import { ConcurrentRequests } from '../../src/access/concurrent-requests';
import { signDevToken } from '../../src/access/tokens';
import { ChildRecord } from '../../src/journey/child.entity';
import { createDataSource } from '../../src/app/data-source';
import { DbScope } from '../../src/db/db-scope';
import { REQUEST_ROLE } from '../../src/db/request-role';
import { appDepsFrom } from '../../src/app/request-context';
import { createLogger } from '../../src/common/logger';
import { createServer, type ApiServer } from '../../src/app/server';
import { insertChild } from '../helpers/factories';
import { CREATE_CHILD } from '../helpers/operations';
import { DEFAULT_NOW, TEST_CONFIG, TestClock, useTestApi } from '../helpers/test-api';
import { testDatabaseKind, testDatabaseUrl } from '../helpers/test-database';

/**
 * Who is asking is set per transaction, so a pooled connection never carries a previous request's tenant.
 *
 * Each rule is observed from outside the code that sets and clears the settings: inside a request, by a probe
 * the test runs on the request's own connection just before it commits (what PostgreSQL itself reports, and
 * which rows Row-Level Security lets it see); after a request, by a raw query on the same pooled connection
 * (a pool of one connection, whose backend is checked to be the request's).
 */
const api = useTestApi(async ({ dataSource }) => {
  for (const authority of ['BEXLEY', 'KENT', 'MEDWAY'] as const) await insertChild(dataSource, authority);
});

const staffId = (username: string) => demoStaff(username).id;

/** What PostgreSQL reports of one session: who it runs as, and every setting a request makes. */
const SETTINGS_SQL = `
  SELECT pg_backend_pid() AS pid,
         current_user::text AS "currentUser",
         session_user::text AS "sessionUser",
         coalesce(current_setting('app.staff_id', true), '') AS "staffId",
         coalesce(current_setting('app.authorities', true), '') AS authorities,
         coalesce(current_setting('app.roles', true), '') AS roles,
         coalesce(current_setting('app.request_id', true), '') AS "requestId",
         coalesce(current_setting('app.client_request_id', true), '') AS "clientRequestId",
         coalesce(current_setting('app.today', true), '') AS today,
         coalesce(current_setting('app.policy_version', true), '') AS "policyVersion",
         current_setting('statement_timeout') AS "statementTimeout",
         current_setting('lock_timeout') AS "lockTimeout",
         current_setting('idle_in_transaction_session_timeout') AS "idleTimeout"`;

type Settings = {
  pid: number;
  currentUser: string;
  sessionUser: string;
  staffId: string;
  authorities: string;
  roles: string;
  requestId: string;
  clientRequestId: string;
  today: string;
  policyVersion: string;
  statementTimeout: string;
  lockTimeout: string;
  idleTimeout: string;
};

/** A session's settings, and the authorities of the children Row-Level Security lets it see (sorted). */
type Probe = Settings & { visibleChildAuthorities: string[] };

const PROBE_SQL = `
  SELECT s.*,
         (SELECT coalesce(array_agg(DISTINCT c.authority::text ORDER BY c.authority::text), '{}') FROM children c)
           AS "visibleChildAuthorities"
    FROM (${SETTINGS_SQL}) s`;

const NO_REQUEST_SETTINGS = { staffId: '', authorities: '', roles: '', requestId: '', clientRequestId: '', today: '', policyVersion: '' };

/**
 * Runs PROBE_SQL inside each request's transaction, on the request's own connection, just before it commits
 * (and, with `onRollback`, just before a request that failed rolls back), keyed by the request's id as its
 * transaction knows it. `beforeProbe` may hold the probe back (to make transactions overlap); `failCommit`
 * makes the commit fail.
 */
function probeRequests(options: { onRollback?: boolean; failCommit?: boolean; beforeProbe?: () => Promise<void> } = {}) {
  const probes: Probe[] = [];
  const commit = DbScope.prototype.commit;
  const finish = DbScope.prototype.finish;
  const probe = async (scope: DbScope) => {
    await options.beforeProbe?.();
    const [row] = await scope.query<Probe>(PROBE_SQL);
    probes.push(row!);
  };
  const spies: { mockRestore: () => void }[] = [
    jest.spyOn(DbScope.prototype, 'commit').mockImplementation(async function (this: DbScope, lastStatement?: string | null) {
      await probe(this);
      // The database refuses the request's last statement, as it would a constraint checked at commit.
      return commit.call(this, options.failCommit ? `${lastStatement ?? 'SELECT 1'};\nSELECT 1/0` : lastStatement);
    }),
  ];
  if (options.onRollback) {
    spies.push(
      jest.spyOn(DbScope.prototype, 'finish').mockImplementation(async function (this: DbScope, outcome: 'commit' | 'rollback') {
        if (outcome === 'rollback' && this.isOpen) await probe(this);
        return finish.call(this, outcome);
      }),
    );
  }
  return {
    probes,
    of: (requestId: string) => {
      const found = probes.filter((p) => p.requestId === requestId);
      expect(found).toHaveLength(1);
      return found[0]!;
    },
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

type Answer = {
  status: number;
  requestId: string;
  body: { data?: Record<string, any> | null; errors?: { extensions: { code: string; reason?: string } }[] };
};

/** The API on a pool of `poolMax` connections of the test database: the same one the other tests use. */
async function startApi(poolMax: number, rateLimitPerMinute = 100_000) {
  const log = createLogger('silent');
  const dataSource: DataSource = createDataSource({ url: testDatabaseUrl(), poolMax, log });
  await dataSource.initialize();
  const server: ApiServer = await createServer({
    ...appDepsFrom(TEST_CONFIG, dataSource, log, new TestClock(new Date(DEFAULT_NOW)).now),
    rateLimitPerMinute,
    rateLimitUnauthenticatedPerMinute: 100_000,
    inFlight: new ConcurrentRequests(100_000, 0),
  });
  return {
    dataSource,
    settings: async (): Promise<Settings> => ((await dataSource.query(SETTINGS_SQL)) as Settings[])[0]!,
    as:
      (username: string) =>
      async (query: string, variables?: Record<string, unknown>): Promise<Answer> => {
        const token = await signDevToken(TEST_CONFIG.jwt, staffId(username));
        const res = await request(server.app)
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${token}`)
          .send({ query, variables });
        return { status: res.status, requestId: res.headers['x-request-id'], body: res.body };
      },
    close: async () => {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

/** Each actor's settings inside a request, and the children Row-Level Security shows them. */
const ACTORS = {
  'adm.kent': { authorities: 'KENT', roles: 'ADM:KENT', visibleChildAuthorities: ['KENT'] },
  'adm.medway': { authorities: 'MEDWAY', roles: 'ADM:MEDWAY', visibleChildAuthorities: ['MEDWAY'] },
  'finder.1': {
    authorities: 'BEXLEY,KENT,MEDWAY',
    roles: 'FAMILY_FINDER:PARTNERSHIP',
    visibleChildAuthorities: ['BEXLEY', 'KENT', 'MEDWAY'],
  },
  'board.kent': { authorities: '', roles: 'BOARD_DIRECTOR:PARTNERSHIP', visibleChildAuthorities: [] },
} as const;
type ActorName = keyof typeof ACTORS;

const insideRequestOf = (username: ActorName, requestId: string) => ({
  currentUser: REQUEST_ROLE,
  staffId: staffId(username),
  authorities: ACTORS[username].authorities,
  roles: ACTORS[username].roles,
  requestId,
  today: '2026-11-20',
  visibleChildAuthorities: ACTORS[username].visibleChildAuthorities,
});

afterEach(() => jest.restoreAllMocks());

it('after a request, no pooled connection still carries its staff id or authorities', async () => {
  const probe = probeRequests();
  const answers = await Promise.all(['adm.kent', 'ppm.medway', 'finder.1', 'adm.bexley'].map((u) => api().as(u)('{ me { username } }')));
  probe.restore();
  expect(answers.map((a) => a.data?.me?.username)).toEqual(['adm.kent', 'ppm.medway', 'finder.1', 'adm.bexley']);
  // The requests did set who was asking (else there would be nothing to clear).
  expect(probe.probes.map((p) => p.staffId).sort()).toEqual(['adm.kent', 'ppm.medway', 'finder.1', 'adm.bexley'].map(staffId).sort());

  // Every connection of the pool (four) held at once, so none is skipped; each is asked what it carries.
  const runners = Array.from({ length: 4 }, () => api().dataSource.createQueryRunner());
  try {
    await Promise.all(runners.map((r) => r.connect()));
    const rows = await Promise.all(runners.map(async (r) => ((await r.query(SETTINGS_SQL)) as Settings[])[0]!));
    if (testDatabaseKind() === 'postgres') expect(new Set(rows.map((r) => r.pid)).size).toBe(4);
    for (const row of rows) {
      expect({ staff: row.staffId, authorities: row.authorities }).toEqual({ staff: '', authorities: '' });
      expect(row).toMatchObject({ ...NO_REQUEST_SETTINGS, currentUser: row.sessionUser });
    }
  } finally {
    await Promise.all(runners.map((r) => r.release()));
  }
});

it.each(Object.keys(ACTORS) as ActorName[])(
  'inside a request of %s, the transaction knows the staff id and the authorities the actor may reach, and Row-Level Security shows only those authorities’ children',
  async (username) => {
    const probe = probeRequests();
    const answer = await api().as(username)('{ me { username } }');
    probe.restore();
    expect(answer.errors).toBeUndefined();
    const inside = probe.of(answer.requestId);
    expect({ authorities: inside.authorities }).toEqual({ authorities: ACTORS[username].authorities });
    expect(inside).toMatchObject(insideRequestOf(username, answer.requestId));
  },
);

describe('on a pool of one connection, so the connection a request used is the next one asked', () => {
  let pooled: Awaited<ReturnType<typeof startApi>>;
  let baseline: Settings;
  beforeAll(async () => {
    pooled = await startApi(1);
    baseline = await pooled.settings();
  });
  afterAll(() => pooled.close());

  it('before any request, the connection carries no request’s settings and runs as its login', () => {
    expect(baseline).toMatchObject({ ...NO_REQUEST_SETTINGS, currentUser: baseline.sessionUser });
  });

  it('after a request ends, its connection carries none of its settings: no staff id, authorities, roles, request or day, its login’s role, and the session’s timeouts', async () => {
    const probe = probeRequests();
    const answer = await pooled.as('adm.kent')('{ me { username } }');
    probe.restore();
    expect(answer.body.errors).toBeUndefined();
    const inside = probe.of(answer.requestId);
    expect(inside).toMatchObject({ ...insideRequestOf('adm.kent', answer.requestId), pid: baseline.pid });
    // The request did change the timeouts for its transaction (else restoring them would prove nothing).
    expect([inside.statementTimeout, inside.lockTimeout, inside.idleTimeout]).not.toEqual([
      baseline.statementTimeout,
      baseline.lockTimeout,
      baseline.idleTimeout,
    ]);

    expect(await pooled.settings()).toEqual(baseline);
  });

  it('a request whose commit fails is rolled back: the client gets an internal error, its change is not kept, and its connection carries none of its settings', async () => {
    const lastName = 'Rolled-back';
    const input = { authority: 'KENT', firstName: 'Never', lastName, dateOfBirth: '2021-03-14', enteredCareOn: '2022-01-10' };
    // The same request, with a commit that succeeds, keeps its child: what the failed one did not keep, it had made.
    const kept = await pooled.as('ppm.kent')(CREATE_CHILD, { input: { ...input, lastName: 'Committed' } });
    expect(kept.body.errors).toBeUndefined();
    expect(await api().dataSource.getRepository(ChildRecord).countBy({ lastName: 'Committed' })).toBe(1);

    const probe = probeRequests({ failCommit: true });
    const answer = await pooled.as('ppm.kent')(CREATE_CHILD, { input });
    probe.restore();

    expect(answer.status).toBe(500);
    expect(answer.body.errors?.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(answer.body.data ?? null).toBeNull();
    // Inside, the request had created the child under its actor's settings…
    const inside = probe.of(answer.requestId);
    expect(inside).toMatchObject({ staffId: staffId('ppm.kent'), authorities: 'KENT', currentUser: REQUEST_ROLE, pid: baseline.pid });
    // Its connection, asked at once, is out of the transaction and carries none of its settings…
    expect(await pooled.settings()).toEqual(baseline);
    // …and none of what it did was kept.
    expect(await api().dataSource.getRepository(ChildRecord).countBy({ lastName })).toBe(0);
  });

  it('a request refused after its settings were made (over its rate limit) is rolled back and leaves none of them on its connection', async () => {
    const limited = await startApi(1, 1);
    try {
      const before = await limited.settings();
      const probe = probeRequests({ onRollback: true });
      const answers = [await limited.as('adm.medway')('{ me { username } }'), await limited.as('adm.medway')('{ me { username } }')];
      probe.restore();
      const refused = answers[1]!;
      expect(refused.body.errors?.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
      // The refused request's transaction had been opened as its actor before it was refused.
      expect(probe.of(refused.requestId)).toMatchObject({ ...insideRequestOf('adm.medway', refused.requestId), pid: before.pid });
      expect(await limited.settings()).toEqual(before);
      expect(before).toMatchObject(NO_REQUEST_SETTINGS);
    } finally {
      await limited.close();
    }
  });
});

/** Resolves each arrival once `count` have arrived; fails an arrival that waits longer than ten seconds. */
function barrier(count: number, what: string): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const everyone = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived === count) release();
    let timer: NodeJS.Timeout | undefined;
    const tooLong = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: ${arrived} of ${count} arrived`)), 10_000);
    });
    await Promise.race([everyone, tooLong]).finally(() => clearTimeout(timer));
  };
}

it('requests of different actors at the same time each see only their own staff id, authorities and roles, and only their own authorities’ children', async () => {
  const actors = Object.keys(ACTORS) as ActorName[];
  // Every request is in flight before any opens its transaction. On a server, the probes then wait until every
  // request is inside its transaction, so all four transactions overlap, each on a connection of its own. (On
  // the embedded database an open transaction holds every other connection: they open in turn.)
  const overlap = testDatabaseKind() === 'postgres';
  const allInFlight = barrier(actors.length, 'requests in flight before any opened');
  const allInside = barrier(actors.length, 'transactions open at once');
  const open = DbScope.prototype.open;
  jest.spyOn(DbScope.prototype, 'open').mockImplementation(async function (this: DbScope, ...statements) {
    await allInFlight();
    return open.apply(this, statements);
  });
  const probe = probeRequests({ beforeProbe: overlap ? allInside : undefined });
  const answers = await Promise.all(actors.map((u) => api().as(u)('{ me { username } }')));
  jest.restoreAllMocks();

  expect(answers.map((a) => a.errors)).toEqual(actors.map(() => undefined));
  expect(answers.map((a) => a.data?.me?.username)).toEqual(actors);
  expect(probe.probes).toHaveLength(actors.length);
  if (overlap) expect(new Set(probe.probes.map((p) => p.pid)).size).toBe(actors.length);
  actors.forEach((username, i) => {
    expect(probe.of(answers[i]!.requestId)).toMatchObject(insideRequestOf(username, answers[i]!.requestId));
  });
});

it('a failed unit of work rolls back alone and leaves the request’s transaction usable', async () => {
  const children = api().dataSource.getRepository(ChildRecord);
  const child = (lastName: string) =>
    children.create({
      authority: 'KENT',
      firstName: 'Unit',
      lastName,
      dateOfBirth: '2021-03-14',
      enteredCareOn: '2022-01-10',
      ethnicity: 'White British',
      birthFamilyBackground: 'neglect',
      createdBy: staffId('ppm.kent'),
    });
  const scope = new DbScope(api().dataSource);
  await scope.open(`SELECT set_config('app.unit_probe', 'before the unit', true)`);
  await scope.manager.save(child('Kept-before-unit'));
  await expect(
    scope.unit(async (m) => {
      await m.save(child('Written-by-failed-unit'));
      await m.query(`SELECT set_config('app.unit_probe', 'inside the failed unit', true)`);
      await m.query(`SELECT 1/0`);
    }),
  ).rejects.toThrow();
  const [row] = await scope.query(`SELECT 1 AS alive`);
  const [inside] = await scope.query(
    `SELECT current_setting('app.unit_probe', true) AS setting,
            (SELECT array_agg(last_name ORDER BY last_name) FROM children WHERE first_name = 'Unit') AS written`,
  );
  await scope.unit((m) => m.save(child('Kept-after-unit')));
  await scope.finish('commit');
  expect(row).toEqual({ alive: 1 });
  // Inside the transaction, the failed unit's write and setting are undone; what came before stands.
  expect(inside).toEqual({ setting: 'before the unit', written: ['Kept-before-unit'] });
  // After the commit, the work before and after the failed unit is kept, and the failed unit's is not.
  const kept = await children.find({ where: { firstName: 'Unit' }, order: { lastName: 'ASC' } });
  expect(kept.map((c) => c.lastName)).toEqual(['Kept-after-unit', 'Kept-before-unit']);
});
