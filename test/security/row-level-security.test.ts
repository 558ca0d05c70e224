import { QueryFailedError } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import { openAsActor } from '../../src/access/actor-loader';
import { DbScope } from '../../src/db/db-scope';
import { REQUEST_ROLE } from '../../src/db/request-role';
import { insertChild } from '../helpers/factories';
import { LIST_CHILDREN } from '../helpers/operations';
import { onRealServer } from '../helpers/real-server';
import { DEFAULT_NOW, startTestApi, useTestApi, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * Defence in depth (docs/architecture.md, "Database roles and Row-Level Security"): every request runs
 * as the NOLOGIN role apse_app under Row-Level Security, whoever the API logs in as. These tests speak
 * to the database directly, as a resolver that forgot its policy would.
 */
const TENANT_TABLES = [
  'children',
  'family_finder_allocations',
  'child_decisions',
  'placement_orders',
  'matches',
  'placements',
  'disruptions',
  'support_requests',
  'support_assessments',
];
const STAFF_ONLY_TABLES = [
  'households',
  'household_stage_events',
  'household_decisions',
  'panels',
  'panel_meetings',
  'report_quality_feedback',
  'budget_years',
  'budget_contributions',
];
const PROTECTED_TABLES = [...TENANT_TABLES, ...STAFF_ONLY_TABLES, 'agenda_items', 'audit_events'];
const TODAY = DEFAULT_NOW.slice(0, 10);

const api = useTestApi(async ({ dataSource }) => {
  for (const authority of ['BEXLEY', 'KENT', 'MEDWAY'] as const) await insertChild(dataSource, authority);
});

/** Runs `work` inside a request scope set up as the API sets it up for `username`, then rolls back. */
async function asRequestOf<T>(username: string | null, work: (scope: DbScope) => Promise<T>): Promise<T> {
  const scope = new DbScope(api().dataSource);
  try {
    if (username === null) {
      await scope.open(`SELECT set_config('role', '${REQUEST_ROLE}', true)`);
    } else {
      await openAsActor(
        scope,
        demoStaff(username).id,
        { requestId: 'row-level-security-test', clientRequestId: null, policyVersion: 'test' },
        TODAY,
        new Date(DEFAULT_NOW),
      );
    }
    return await work(scope);
  } finally {
    await scope.finish('rollback');
  }
}

const count = async (scope: DbScope, table: string) => (await scope.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

async function sqlState(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    if (error instanceof QueryFailedError) return (error.driverError as { code?: string }).code;
    throw error;
  }
}

describe('the request role', () => {
  it('cannot log in, is no superuser, cannot bypass Row-Level Security and owns nothing', async () => {
    const [role] = await api().dataSource.query(
      `SELECT rolcanlogin, rolsuper, rolbypassrls,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) + (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid) AS owned
         FROM pg_roles r WHERE rolname = $1`,
      [REQUEST_ROLE],
    );
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it.each(PROTECTED_TABLES)('with no settings reads no row of %s (fail closed)', async (table) => {
    expect(await asRequestOf(null, (scope) => count(scope, table))).toBe(0);
  });

  it.each([...TENANT_TABLES, ...STAFF_ONLY_TABLES, 'agenda_items'])('has Row-Level Security enabled and forced on %s', async (table) => {
    const [row] = await api().dataSource.query(`SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = $1`, [table]);
    expect(row).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });
});

describe('a query that forgot its policy', () => {
  it('as the Kent ADM reads only Kent children', async () => {
    const rows = await asRequestOf('adm.kent', (scope) => scope.query(`SELECT DISTINCT authority FROM children`));
    expect(rows).toEqual([{ authority: 'KENT' }]);
  });

  it('as a board director reads no child at all', async () => {
    expect(await asRequestOf('board.kent', (scope) => count(scope, 'children'))).toBe(0);
  });

  it('as the Kent ADM cannot write a Medway child (WITH CHECK)', async () => {
    const state = await asRequestOf('adm.kent', (scope) =>
      sqlState(scope.query(`UPDATE children SET authority = 'MEDWAY' WHERE authority = 'KENT'`)),
    );
    expect(state).toBe('42501');
  });

  it('as the Kent ADM does not see, and so cannot change, a Medway child', async () => {
    const changed = await asRequestOf('adm.kent', (scope) =>
      scope.query(
        `WITH changed AS (UPDATE children SET first_name = 'X' WHERE authority = 'MEDWAY' RETURNING id) SELECT count(*)::int AS n FROM changed`,
      ),
    );
    expect(changed).toEqual([{ n: 0 }]);
  });
});

describe('the planner under Row-Level Security', () => {
  it('reads an authority’s children of one stage from the index: enum equality is leak-proof, so the list’s own conditions are index conditions', async () => {
    const plan = await asRequestOf('adm.kent', async (scope) => {
      // The demo data is small enough to scan: the question is whether the index can be used, not whether it pays.
      await scope.query('SET LOCAL enable_seqscan = off');
      await scope.query('SET LOCAL enable_bitmapscan = off');
      const [row] = await scope.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) SELECT id FROM children WHERE authority = 'KENT' AND stage = 'SHOULD_BE_PLACED'
          ORDER BY stage, entered_care_on, id LIMIT 5`,
      );
      return JSON.stringify(row!['QUERY PLAN']);
    });
    expect(plan).toMatch(/"Index Cond":"\(\(authority = 'KENT'::authority\) AND \(stage = 'SHOULD_BE_PLACED'::child_stage\)\)"/);
    expect(plan).not.toContain('"Sort"');
  });
});

describe('the access log', () => {
  it('is read by an auditor under the request role', async () => {
    expect(await asRequestOf('auditor.1', (scope) => count(scope, 'audit_events'))).toBeGreaterThan(0);
  });

  it('is not read by anyone else under the request role', async () => {
    expect(await asRequestOf('adm.kent', (scope) => count(scope, 'audit_events'))).toBe(0);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET reason = 'x'`],
    ['DELETE', `DELETE FROM audit_events`],
    [
      'INSERT (only through audit_append)',
      `INSERT INTO audit_events (chain, seq, at, roles, action, outcome, subject_type, prev_hash, hash) VALUES ('x', 1, now(), '', '', 'ALLOWED', '', '', '')`,
    ],
  ])('refuses %s by the request role, even an auditor’s', async (_what, sql) => {
    expect(await asRequestOf('auditor.1', (scope) => sqlState(scope.query(sql)))).toBe('42501');
  });
});

describe('the board’s aggregates', () => {
  it('come through SECURITY DEFINER functions, counts and summed days only, for a board director', async () => {
    expect(await asRequestOf('board.kent', (scope) => scope.query(`SELECT * FROM board_waiting($1, $2)`, [TODAY, ['AGE_BAND']]))).toEqual(
      [],
    );
    const [{ result }] = await api().dataSource.query(
      `SELECT pg_get_function_result('board_waiting(date, text[])'::regprocedure) AS result`,
    );
    expect(result).toBe('TABLE(characteristic text, authority text, category text, children integer, "daysWaiting" double precision)');
  });

  it.each(['adm.kent', 'finder.1', 'auditor.1'])('are refused to %s by the database itself', async (username) => {
    expect(await asRequestOf(username, (scope) => sqlState(scope.query(`SELECT * FROM board_waiting($1, $2)`, [TODAY, []])))).toBe('42501');
  });
});

onRealServer('a PGlite database has one superuser login; a second login role needs a real server')(
  'a non-owner, non-superuser login',
  () => {
    const LOGIN = 'apse_api_test';
    let asLogin: TestApi;

    beforeAll(async () => {
      await api().dataSource.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${LOGIN}') THEN CREATE ROLE ${LOGIN} LOGIN IN ROLE ${REQUEST_ROLE}; END IF;
      END $$`);
      const url = new URL(testDatabaseUrl());
      url.username = LOGIN;
      asLogin = await startTestApi(DEFAULT_NOW, undefined, url.toString());
    });
    afterAll(() => asLogin?.close());

    it('reads no child before a request has set who is asking', async () => {
      expect(await asLogin.dataSource.query(`SELECT count(*)::int AS n FROM children`)).toEqual([{ n: 0 }]);
    });

    it('serves the Kent ADM the Kent children only', async () => {
      const { data, errors } = await asLogin.as('adm.kent')(LIST_CHILDREN, { first: 50 });
      expect(errors).toBeUndefined();
      expect(data!.children.edges.map((e: { node: { authority: string } }) => e.node.authority)).toEqual(['KENT']);
    });

    it('serves a board director the aggregates', async () => {
      const { data, errors } = await asLogin.as('board.kent')(
        '{ boardPerformance(from: "2026-01", to: "2026-10") { childrenWaiting { authority children } } }',
      );
      expect(errors).toBeUndefined();
      expect(data!.boardPerformance.childrenWaiting).toHaveLength(4);
    });

    it('records a child for the Kent PPM lead, with its access-log event', async () => {
      const input = { authority: 'KENT', firstName: 'Ada', lastName: 'Login', dateOfBirth: '2023-05-01', enteredCareOn: '2024-02-12' };
      const { data, errors } = await asLogin.as('ppm.kent')('mutation ($input: CreateChildInput!) { createChild(input: $input) { id } }', {
        input,
      });
      expect(errors).toBeUndefined();
      const events = await api().dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1`, [data!.createChild.id]);
      expect(events).toEqual([{ action: 'create' }]);
    });
  },
);
