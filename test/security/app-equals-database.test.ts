import { randomUUID } from 'node:crypto';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { DEMO_STAFF } from '../../seeds/demo-staff';
import { openAsActor } from '../../src/access/actor-loader';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { accessibleQuery } from '../../src/access/scoped-reads';
import { ACTIONS, AUTHORITIES, type Authority, type SubjectType } from '../../src/authz/vocabulary';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { ChildRecord } from '../../src/journey/child.entity';
import { DisruptionRecord } from '../../src/journey/disruption.entity';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { PlacementRecord } from '../../src/journey/placement.entity';
import { DbScope } from '../../src/db/db-scope';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { StaffDirectoryEntryRecord } from '../../src/staff/staff-directory-entry.entity';
import { SEED_TODAY, useSeededDatabase } from '../seeds/seeded-database';

/**
 * App ≡ database. Row-Level Security restates the policy's tenant dimension (docs/architecture.md,
 * "Database roles and Row-Level Security"). On the demo data, for every demo member of staff and every
 * tenant-owned table, inside a request scope set up as the API sets it up:
 *  - every row the app's policy lets the actor act on (any action, as any subject the table holds) is
 *    visible to the request role: the database never hides what the policy allows;
 *  - no row of an authority outside the actor's tenant reach (the table below) is: the database is
 *    coarser than the policy, never wider than the reach.
 * The staff directory and the roles, which every request may read and the policy narrows, are compared too.
 */
type Compared = [table: string, subjects: SubjectType[], entity: EntityTarget<ObjectLiteral>, authorityColumn: string];
const TENANT_TABLES: Compared[] = [
  ['children', ['Child'], ChildRecord, 'authority'],
  ['family_finder_allocations', ['Allocation'], AllocationRecord, 'authority'],
  ['child_decisions', ['ChildDecision'], ChildDecisionRecord, 'authority'],
  ['placement_orders', ['PlacementOrder'], PlacementOrderRecord, 'authority'],
  ['matches', ['Match'], MatchRecord, 'authority'],
  ['placements', ['Placement'], PlacementRecord, 'authority'],
  ['disruptions', ['Disruption'], DisruptionRecord, 'authority'],
  ['support_requests', ['SupportRequest'], SupportRequestRecord, 'authority'],
  ['support_assessments', ['SupportAssessment'], SupportAssessmentRecord, 'authority'],
  // An ADM reads the panel's recommendation on an agenda item, though never the item itself.
  ['agenda_items', ['AgendaItem', 'PanelRecommendationView'], AgendaItemRecord, 'child_authority'],
];
/** Read by every request (Row-Level Security: `everyone_reads`); the staff directory on the request's day. */
const STAFF_TABLES: Compared[] = [
  ['staff_directory', ['StaffMember'], StaffDirectoryEntryRecord, 'NULL'],
  ['role_assignments', ['RoleAssignment'], RoleAssignmentRecord, 'NULL'],
];
const COMPARED = [...TENANT_TABLES, ...STAFF_TABLES];

/** The tenant reach of each demo member of staff, stated here independently of the code under test. */
const EVERY: Authority[] = [...AUTHORITIES];
const REACH: Record<string, Authority[]> = {
  'adm.bexley': ['BEXLEY'],
  'adm.kent': ['KENT'],
  'adm.medway': ['MEDWAY'],
  'adm.raa': [],
  'ppm.bexley': ['BEXLEY'],
  'ppm.kent': ['KENT'],
  'ppm.medway': ['MEDWAY'],
  'finder.1': EVERY,
  'finder.2': EVERY,
  'panel.1': EVERY,
  'panel.2': EVERY,
  'chair.2': EVERY,
  'vicechair.1': EVERY,
  'adviser.1': EVERY,
  'adviser.2': EVERY,
  'support.1': EVERY,
  'board.bexley': [],
  'board.kent': [],
  'board.medway': [],
  'auditor.1': [],
  'auditor.medway': [],
  'access.admin': [],
};

const seeded = useSeededDatabase();

type Visible = { id: string; authority: Authority | null };
type Comparison = { throughRls: Visible[]; allowed: Set<string> };

/**
 * For each tenant table: what the request role sees in `username`'s request scope, and what the policy
 * allows them. The policy's rows are read after the scope ends (on the embedded database an open
 * transaction holds every other connection), through the superuser pool, which bypasses Row-Level Security, on the
 * request's day.
 */
async function compare(staffId: string): Promise<Map<string, Comparison>> {
  const { dataSource } = seeded();
  const scope = new DbScope(dataSource);
  const throughRls = new Map<string, Visible[]>();
  let ability;
  try {
    const { actor, facts } = (await openAsActor(
      scope,
      staffId,
      { requestId: 'app-equals-database', clientRequestId: null, policyVersion: 'test' },
      SEED_TODAY,
      new Date(`${SEED_TODAY}T12:00:00Z`),
    ))!;
    ability = defineAbilityFor(actor, facts, SEED_TODAY);
    for (const [table, , , column] of COMPARED) {
      throughRls.set(table, await scope.query<Visible>(`SELECT id, ${column}::text AS authority FROM ${table}`));
    }
  } finally {
    await scope.finish('rollback');
  }
  const comparisons = new Map<string, Comparison>();
  await dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.today', $1, true)`, [SEED_TODAY]);
    for (const [table, subjects, entity] of COMPARED) {
      const allowed = new Set<string>();
      for (const subject of subjects) {
        for (const action of ACTIONS) {
          const rows = await accessibleQuery(manager, ability, action, subject, entity, 't')
            .select('t.id', 'id')
            .getRawMany<{ id: string }>();
          for (const { id } of rows) allowed.add(id);
        }
      }
      comparisons.set(table, { throughRls: throughRls.get(table)!, allowed });
    }
  });
  return comparisons;
}

it('the table of reach names every demo member of staff', () => {
  expect(Object.keys(REACH).sort()).toEqual(DEMO_STAFF.map((s) => s.username).sort());
});

describe.each(DEMO_STAFF.map((s) => s.username))('%s', (username) => {
  let comparisons: Map<string, Comparison>;
  beforeAll(async () => {
    comparisons = await compare(DEMO_STAFF.find((s) => s.username === username)!.id);
  });

  it.each(COMPARED.map(([table]) => table))(
    '%s: RLS lets through every row the policy allows, and none outside the actor’s authorities',
    (table) => {
      const { throughRls, allowed } = comparisons.get(table)!;
      const visible = new Set(throughRls.map((r) => r.id));
      expect([...allowed].filter((id) => !visible.has(id))).toEqual([]);
      const outsideReach = throughRls.filter((r) => r.authority !== null && !REACH[username]!.includes(r.authority));
      expect(outsideReach).toEqual([]);
    },
  );
});

describe('dated assignments', () => {
  const DATED = {
    'an ADM whose role ended yesterday': { id: randomUUID(), role: 'ADM', authority: 'KENT', from: '2020-11-01', to: -1, reach: [] },
    'an ADM whose role starts tomorrow': { id: randomUUID(), role: 'ADM', authority: 'KENT', from: 1, to: null, reach: [] },
    'a PPM lead whose role holds today only': {
      id: randomUUID(),
      role: 'PPM_LEAD',
      authority: 'MEDWAY',
      from: 0,
      to: 0,
      reach: ['MEDWAY'],
    },
  } as const;
  const day = (offset: string | number | null) =>
    typeof offset === 'number' ? new Date(Date.parse(`${SEED_TODAY}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10) : offset;

  beforeAll(async () => {
    for (const [name, d] of Object.entries(DATED)) {
      await seeded().dataSource.query(`INSERT INTO staff (id, username, display_name) VALUES ($1, $2, $3)`, [
        d.id,
        `dated.${d.id.slice(0, 8)}`,
        name,
      ]);
      await seeded().dataSource.query(
        `INSERT INTO role_assignments (staff_id, role, authority, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`,
        [d.id, d.role, d.authority, day(d.from), day(d.to)],
      );
    }
  });

  afterAll(async () => {
    const ids = Object.values(DATED).map((d) => d.id);
    await seeded().dataSource.query(`DELETE FROM role_assignments WHERE staff_id = ANY($1::uuid[])`, [ids]);
    await seeded().dataSource.query(`DELETE FROM staff WHERE id = ANY($1::uuid[])`, [ids]);
  });

  it.each(Object.keys(DATED))('%s: RLS and the policy agree, and reach only the authorities of the roles held today', async (name) => {
    const { id, reach } = DATED[name as keyof typeof DATED];
    for (const [table, { throughRls, allowed }] of await compare(id)) {
      const visible = new Set(throughRls.map((r) => r.id));
      expect({ table, missing: [...allowed].filter((x) => !visible.has(x)) }).toEqual({ table, missing: [] });
      const reached = [...new Set(throughRls.map((r) => r.authority).filter((a) => a !== null))];
      expect({ table, outside: reached.filter((a) => !(reach as readonly string[]).includes(a!)) }).toEqual({ table, outside: [] });
      // With no role today, no tenant row; their own entry and roles stay theirs.
      const own = STAFF_TABLES.some(([staffTable]) => staffTable === table) ? 1 : 0;
      if (reach.length === 0) expect({ table, allowed: allowed.size }).toEqual({ table, allowed: own });
    }
  });
});

it('the demo data gives the comparison something to compare: every tenant table holds rows of more than one authority', async () => {
  for (const [table, , , column] of TENANT_TABLES) {
    const [row] = await seeded().rows<{ n: number }>(`SELECT count(DISTINCT ${column})::int AS n FROM ${table}`);
    expect({ table, moreThanOne: row!.n > 1 }).toEqual({ table, moreThanOne: true });
  }
});
