import { randomUUID } from 'node:crypto';
import type { ObjectLiteral } from 'typeorm';
import { DEMO_STAFF } from '../../seeds/demo-staff';
import { openAsActor } from '../../src/access/actor-loader';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { accessibleQuery } from '../../src/access/scoped-reads';
import { ACTIONS, AUTHORITIES, type Action, type Authority, type SubjectType } from '../../src/authz/vocabulary';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { ChildRecord } from '../../src/journey/child.entity';
import { ChildRestrictionRecord } from '../../src/journey/child-restriction.entity';
import { EmergencyAccessBarRecord } from '../../src/journey/emergency-access-bar.entity';
import { EmergencyAccessRecord } from '../../src/journey/emergency-access.entity';
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
 *  - no row of an authority outside the actor's tenant reach (the tables below: of emergency accesses, an auditor
 *    reaches the authorities they audit) is, but for two exceptions, which
 *    the policy makes too: the rows about a child beyond their tenant that is theirs to read (a restriction names
 *    them, or they hold a live emergency access to it: BEYOND_THE_TENANT, set up below), and their own emergency
 *    accesses and the bars set on them, which the request's facts read. The database is coarser than the policy,
 *    never wider than that.
 * The staff directory and the roles, which every request may read and the policy narrows, are compared too.
 */
type Entity = new () => ObjectLiteral;
type Compared = {
  table: string;
  /** The subjects whose rows the table holds: the policy allows a row if it allows some action on it. */
  subjects: SubjectType[];
  entity: Entity;
  /** SQL on the table's row: its authority, the child it is about and the member of staff it is of (NULL: none). */
  authority: string;
  child?: string;
  holder?: string;
  /** The actions taken on a row of the table, where not every action is. */
  actions?: readonly Action[];
  /** A table governed through another's rows: the policy allows a row if it allows the row `key` names. */
  through?: { entity: Entity; key: string };
};
const TENANT_TABLES: Compared[] = [
  { table: 'children', subjects: ['Child'], entity: ChildRecord, authority: 'authority', child: 'id' },
  { table: 'family_finder_allocations', subjects: ['Allocation'], entity: AllocationRecord, authority: 'authority', child: 'child_id' },
  { table: 'child_decisions', subjects: ['ChildDecision'], entity: ChildDecisionRecord, authority: 'authority', child: 'child_id' },
  { table: 'placement_orders', subjects: ['PlacementOrder'], entity: PlacementOrderRecord, authority: 'authority', child: 'child_id' },
  { table: 'matches', subjects: ['Match'], entity: MatchRecord, authority: 'authority', child: 'child_id' },
  { table: 'placements', subjects: ['Placement'], entity: PlacementRecord, authority: 'authority', child: 'child_id' },
  { table: 'disruptions', subjects: ['Disruption'], entity: DisruptionRecord, authority: 'authority', child: 'child_id' },
  { table: 'support_requests', subjects: ['SupportRequest'], entity: SupportRequestRecord, authority: 'authority' },
  { table: 'support_assessments', subjects: ['SupportAssessment'], entity: SupportAssessmentRecord, authority: 'authority' },
  // An ADM reads the panel's recommendation on an agenda item, though never the item itself.
  {
    table: 'agenda_items',
    subjects: ['AgendaItem', 'PanelRecommendationView'],
    entity: AgendaItemRecord,
    authority: 'child_authority',
    child: 'child_id',
  },
];
/** A child's record and the records that hang off it: what a restriction naming them, or a live emergency access, opens. */
const CHILD_TABLES = TENANT_TABLES.map((t) => t.table).filter(
  (t) => !['support_requests', 'support_assessments', 'agenda_items'].includes(t),
);
/**
 * Restricted records and break-glass. A restriction is read by the child's ADM and the staff it names; an emergency
 * access by the child's ADM and the auditors who review it, and by its holder, as the bar a review set on them. Breaking
 * glass (create) proposes an access, and is left out: the comparison is of the rows that exist. A bar has no subject
 * of its own: the policy governs it through the emergency access whose review set it (who may review it lifts it).
 */
const EMERGENCY_ACTIONS = ACTIONS.filter((action) => action !== 'create');
const RESTRICTION_TABLES: Compared[] = [
  {
    table: 'child_restrictions',
    subjects: ['ChildRestriction'],
    entity: ChildRestrictionRecord,
    authority: 'authority',
    child: 'child_id',
  },
  {
    table: 'emergency_accesses',
    subjects: ['EmergencyAccess'],
    entity: EmergencyAccessRecord,
    authority: 'authority',
    child: 'child_id',
    holder: 'staff_id',
    actions: EMERGENCY_ACTIONS,
  },
  {
    table: 'emergency_access_bars',
    subjects: ['EmergencyAccess'],
    entity: EmergencyAccessBarRecord,
    authority: 'authority',
    child: '(SELECT g.child_id FROM emergency_accesses g WHERE g.id = barred_by_review)',
    holder: 'staff_id',
    actions: EMERGENCY_ACTIONS,
    through: { entity: EmergencyAccessRecord, key: 'barredByReview' },
  },
];
/** Read by every request (Row-Level Security: `everyone_reads`); the staff directory on the request's day. */
const STAFF_TABLES: Compared[] = [
  { table: 'staff_directory', subjects: ['StaffMember'], entity: StaffDirectoryEntryRecord, authority: 'NULL' },
  { table: 'role_assignments', subjects: ['RoleAssignment'], entity: RoleAssignmentRecord, authority: 'NULL' },
];
const COMPARED = [...TENANT_TABLES, ...RESTRICTION_TABLES, ...STAFF_TABLES];

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
/** An auditor reaches no child, but reviews the emergency accesses to the children of the authorities they audit. */
const REVIEWS: Record<string, Authority[]> = { 'auditor.1': EVERY, 'auditor.medway': ['MEDWAY'] };
const BREAK_GLASS_TABLES = ['emergency_accesses', 'emergency_access_bars'];
const reachOf = (username: string, table: string): Authority[] => [
  ...REACH[username]!,
  ...(BREAK_GLASS_TABLES.includes(table) ? (REVIEWS[username] ?? []) : []),
];

const seeded = useSeededDatabase();
/** The day `offset` days from SEED_TODAY; a date stays as it is. */
const day = (offset: string | number | null) =>
  typeof offset === 'number' ? new Date(Date.parse(`${SEED_TODAY}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10) : offset;

/**
 * Reach beyond the tenant, set up on the demo data before any comparison (at the request's instant, SEED_TODAY noon):
 * - Medway's ADM restricts a placed Medway child whole (HIGH_PROFILE), naming Kent's PPM lead;
 * - Bexley's PPM lead holds a live emergency access to a placed Kent child, and finder.2 one to a placed Medway
 *   child allocated to finder.1;
 * - Kent's ADM held one yesterday to a placed Bexley child, which Bexley's ADM found NOT_JUSTIFIED: the review
 *   barred them, and the expired access reaches nothing.
 */
const fixture = { restricted: '', kentGranted: '', medwayGranted: '', bexleyExpired: '' };
/** The children each member of staff reaches beyond their tenant, by the fixture. */
const BEYOND_THE_TENANT: Record<string, (keyof typeof fixture)[]> = {
  'ppm.kent': ['restricted'],
  'ppm.bexley': ['kentGranted'],
  'finder.2': ['medwayGranted'],
};
const beyondTheTenant = (username: string) => (BEYOND_THE_TENANT[username] ?? []).map((key) => fixture[key]);
const staffIdOf = (username: string) => DEMO_STAFF.find((s) => s.username === username)!.id;

beforeAll(async () => {
  const { dataSource } = seeded();
  const placed = async (authority: Authority, allocatedTo?: string): Promise<string> => {
    const [row] = await dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM children c JOIN family_finder_allocations a ON a.child_id = c.id AND a.ended_on IS NULL
        WHERE c.authority = $1 AND c.stage = 'PLACED' AND c.restriction_category IS NULL
          AND a.family_finder_id = coalesce($2, a.family_finder_id)
          AND c.id NOT IN (SELECT child_id FROM emergency_accesses) AND c.id <> ALL ($3::uuid[])
        ORDER BY c.id LIMIT 1`,
      [authority, allocatedTo ?? null, Object.values(fixture).filter(Boolean)],
    );
    return row!.id;
  };
  const breakGlass = (childId: string, authority: Authority, holder: string, from: string, to: string) =>
    dataSource.query<{ id: string }[]>(
      `INSERT INTO emergency_accesses (child_id, authority, staff_id, reason, granted_at, expires_at)
       VALUES ($1, $2, $3, 'the child went missing overnight', $4, $5) RETURNING id`,
      [childId, authority, staffIdOf(holder), from, to],
    );

  fixture.restricted = await placed('MEDWAY');
  await dataSource.query(`UPDATE children SET restriction_category = 'HIGH_PROFILE' WHERE id = $1`, [fixture.restricted]);
  await dataSource.query(
    `INSERT INTO child_restrictions (child_id, authority, category, allowed_staff_ids, reason, review_by, restricted_by)
     VALUES ($1, 'MEDWAY', 'HIGH_PROFILE', $2, 'known to the press', $3, $4)`,
    [fixture.restricted, [staffIdOf('ppm.kent')], day(90), staffIdOf('adm.medway')],
  );
  fixture.kentGranted = await placed('KENT');
  await breakGlass(fixture.kentGranted, 'KENT', 'ppm.bexley', `${SEED_TODAY}T10:00:00Z`, `${SEED_TODAY}T14:00:00Z`);
  fixture.medwayGranted = await placed('MEDWAY', staffIdOf('finder.1'));
  await breakGlass(fixture.medwayGranted, 'MEDWAY', 'finder.2', `${SEED_TODAY}T10:00:00Z`, `${SEED_TODAY}T14:00:00Z`);
  fixture.bexleyExpired = await placed('BEXLEY');
  const [expired] = await breakGlass(fixture.bexleyExpired, 'BEXLEY', 'adm.kent', `${day(-1)}T20:00:00Z`, `${day(-1)}T23:00:00Z`);
  const review = [`${SEED_TODAY}T09:00:00Z`, staffIdOf('adm.bexley'), expired!.id];
  await dataSource.query(
    `UPDATE emergency_accesses SET outcome = 'NOT_JUSTIFIED', note = 'no emergency', reviewed_at = $1, reviewed_by = $2 WHERE id = $3`,
    review,
  );
  await dataSource.query(
    `INSERT INTO emergency_access_bars (staff_id, authority, barred_by_review, barred_at) VALUES ($1, 'BEXLEY', $2, $3)`,
    [staffIdOf('adm.kent'), expired!.id, `${SEED_TODAY}T09:00:00Z`],
  );
});

type Visible = { id: string; authority: Authority | null; child: string | null; holder: string | null };
type Comparison = { throughRls: Visible[]; allowed: Set<string> };

/**
 * For each compared table: what the request role sees in the member of staff's request scope, and what the policy
 * allows them. The policy's rows are read after the scope ends (on the embedded database an open transaction holds
 * every other connection), through the superuser pool, which bypasses Row-Level Security, on the request's day.
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
    for (const { table, authority, child = 'NULL', holder = 'NULL' } of COMPARED) {
      throughRls.set(
        table,
        await scope.query<Visible>(`SELECT id, ${authority}::text AS authority, ${child} AS child, ${holder} AS holder FROM ${table}`),
      );
    }
  } finally {
    await scope.finish('rollback');
  }
  const comparisons = new Map<string, Comparison>();
  await dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.today', $1, true)`, [SEED_TODAY]);
    for (const { table, subjects, entity, actions = ACTIONS, through } of COMPARED) {
      const allowed = new Set<string>();
      for (const subject of subjects) {
        for (const action of actions) {
          const query = accessibleQuery(manager, ability, action, subject, through?.entity ?? entity, 't');
          const rows = through ? query.innerJoin(entity, 'r', `r.${through.key} = t.id`).select('r.id', 'id') : query.select('t.id', 'id');
          for (const { id } of await rows.getRawMany<{ id: string }>()) allowed.add(id);
        }
      }
      comparisons.set(table, { throughRls: throughRls.get(table)!, allowed });
    }
  });
  return comparisons;
}

/** What RLS shows `username` of an authority outside their reach that is neither about a child beyond their tenant nor their own. */
function outsideReach(username: string, table: string, throughRls: Visible[]): Visible[] {
  const beyond = beyondTheTenant(username);
  return throughRls.filter(
    (r) =>
      r.authority !== null &&
      !reachOf(username, table).includes(r.authority) &&
      !(r.child !== null && beyond.includes(r.child)) &&
      r.holder !== staffIdOf(username),
  );
}

/** Of a table, the rows about `child` RLS shows, and those of them the policy does not allow. */
function about(child: string, { throughRls, allowed }: Comparison) {
  const shown = throughRls.filter((r) => r.child === child).map((r) => r.id);
  return { shown, notAllowed: shown.filter((id) => !allowed.has(id)) };
}

it('the table of reach names every demo member of staff', () => {
  expect(Object.keys(REACH).sort()).toEqual(DEMO_STAFF.map((s) => s.username).sort());
});

describe.each(DEMO_STAFF.map((s) => s.username))('%s', (username) => {
  let comparisons: Map<string, Comparison>;
  beforeAll(async () => {
    comparisons = await compare(DEMO_STAFF.find((s) => s.username === username)!.id);
  });

  it.each(COMPARED.map(({ table }) => table))(
    '%s: RLS lets through every row the policy allows, and none outside the actor’s reach but about a child beyond their tenant, or their own',
    (table) => {
      const { throughRls, allowed } = comparisons.get(table)!;
      const visible = new Set(throughRls.map((r) => r.id));
      expect([...allowed].filter((id) => !visible.has(id))).toEqual([]);
      expect(outsideReach(username, table, throughRls)).toEqual([]);
    },
  );
});

describe('beyond the tenant', () => {
  /** Every row of `table` about `child`, read past Row-Level Security. */
  const rowsAbout = async (table: string, child: string) => {
    const { child: column } = COMPARED.find((t) => t.table === table)!;
    const rows = await seeded().rows<{ id: string }>(`SELECT id FROM ${table} WHERE ${column} = $1`, [child]);
    return rows.map((r) => r.id).sort();
  };

  it.each([
    ['ppm.kent', 'named on the restriction of a Medway child', 'restricted', [...CHILD_TABLES, 'child_restrictions']],
    ['ppm.bexley', 'holding a live emergency access to a Kent child', 'kentGranted', CHILD_TABLES],
    ['finder.2', 'holding a live emergency access to a Medway child allocated to another', 'medwayGranted', CHILD_TABLES],
  ] as const)(
    '%s, %s, reads that child and every record that hangs off it, through RLS as by the policy',
    async (username, _why, key, tables) => {
      const child = fixture[key];
      const comparisons = await compare(staffIdOf(username));
      for (const table of tables) {
        const { shown, notAllowed } = about(child, comparisons.get(table)!);
        const every = await rowsAbout(table, child);
        expect({ table, shown: shown.sort(), notAllowed }).toEqual({ table, shown: every, notAllowed: [] });
      }
      expect((await rowsAbout('child_decisions', child)).length).toBeGreaterThan(0);
    },
  );

  /** What RLS shows, and what the policy allows, of the restricted child to its authority's PPM lead and its family finder. */
  async function restrictedChildTo(tables: string[]) {
    const [{ finder }] = await seeded().rows<{ finder: string }>(
      `SELECT family_finder_id AS finder FROM family_finder_allocations WHERE child_id = $1 AND ended_on IS NULL`,
      [fixture.restricted],
    );
    const seen = [];
    for (const staffId of [staffIdOf('ppm.medway'), finder]) {
      const comparisons = await compare(staffId);
      for (const table of tables) {
        const { shown, notAllowed } = about(fixture.restricted, comparisons.get(table)!);
        seen.push({ table, rls: shown, policy: shown.filter((id) => !notAllowed.includes(id)) });
      }
    }
    return seen;
  }

  it('a restricted child and its restriction are hidden from its authority’s PPM lead and its family finder, whom it does not name, by RLS as by the policy', async () => {
    for (const { table, rls, policy } of await restrictedChildTo(['children', 'child_restrictions'])) {
      expect({ table, rls, policy }).toEqual({ table, rls: [], policy: [] });
    }
  });

  it('the policy hides from them every record that hangs off the restricted child', async () => {
    for (const { table, policy } of await restrictedChildTo(CHILD_TABLES)) expect({ table, policy }).toEqual({ table, policy: [] });
  });

  // An allocation is left to the policy by design (it names nothing of the child).
  it('RLS hides from them every record that hangs off the restricted child but its allocation', async () => {
    const records = CHILD_TABLES.filter((t) => !['children', 'family_finder_allocations'].includes(t));
    for (const { table, rls } of await restrictedChildTo(records)) expect({ table, rls }).toEqual({ table, rls: [] });
  });

  it('an expired emergency access reaches nothing: Kent’s ADM sees their own access and the bar its review set, and nothing of the child', async () => {
    const comparisons = await compare(staffIdOf('adm.kent'));
    for (const table of CHILD_TABLES) {
      expect({ table, shown: about(fixture.bexleyExpired, comparisons.get(table)!).shown }).toEqual({ table, shown: [] });
    }
    for (const table of BREAK_GLASS_TABLES) {
      const { shown, notAllowed } = about(fixture.bexleyExpired, comparisons.get(table)!);
      // Their own: the facts read it (whether a grant is live, whether they are barred); the policy lets them act on neither.
      expect({ table, shown: shown.length, notAllowed: notAllowed.length }).toEqual({ table, shown: 1, notAllowed: 1 });
    }
  });
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
      const own = STAFF_TABLES.some((staffTable) => staffTable.table === table) ? 1 : 0;
      if (reach.length === 0) expect({ table, allowed: allowed.size }).toEqual({ table, allowed: own });
    }
  });
});

it('the demo data gives the comparison something to compare: every tenant table holds rows of more than one authority', async () => {
  for (const { table, authority } of TENANT_TABLES) {
    const [row] = await seeded().rows<{ n: number }>(`SELECT count(DISTINCT ${authority})::int AS n FROM ${table}`);
    expect({ table, moreThanOne: row!.n > 1 }).toEqual({ table, moreThanOne: true });
  }
});

it('the demo data and the fixture give every restriction and break-glass table rows', async () => {
  for (const { table } of RESTRICTION_TABLES) {
    const [row] = await seeded().rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    expect({ table, some: row!.n > 0 }).toEqual({ table, some: true });
  }
});
