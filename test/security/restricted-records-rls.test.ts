import { demoStaff } from '../../seeds/demo-staff';
import { openAsActor } from '../../src/access/actor-loader';
import { DbScope } from '../../src/db/db-scope';
import { SEED_TODAY, useSeededDatabase } from '../seeds/seeded-database';

/**
 * Row-Level Security restates restricted records, sealing and break-glass by itself, as a query that forgot the
 * policy would meet them: straight SQL in a request scope set up as the API sets it up, on the demo data.
 */
const seeded = useSeededDatabase();
const NOW = new Date(`${SEED_TODAY}T12:00:00Z`);
const CHILD_RECORDS = ['child_decisions', 'placement_orders'];
const LINK_RECORDS = ['matches', 'placements'];

type Counts = Record<string, number>;

/** What `username` sees of the child, its records and its link with the adoptive household. */
async function seenBy(username: string, childId: string): Promise<Counts> {
  const scope = new DbScope(seeded().dataSource);
  try {
    await openAsActor(
      scope,
      demoStaff(username).id,
      { requestId: 'restricted-records-rls', clientRequestId: null, policyVersion: 'test' },
      SEED_TODAY,
      NOW,
    );
    const counts: Counts = {};
    for (const [table, column] of [['children', 'id'], ...[...CHILD_RECORDS, ...LINK_RECORDS].map((t) => [t, 'child_id'])] as const) {
      const [row] = await scope.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [childId]);
      counts[table] = row!.n;
    }
    return counts;
  } finally {
    await scope.finish('rollback');
  }
}

/** As the superuser: what there is to see. */
async function everything(childId: string): Promise<Counts> {
  const counts: Counts = {};
  for (const table of ['children', ...CHILD_RECORDS, ...LINK_RECORDS]) {
    const [row] = await seeded().rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'children' ? 'id' : 'child_id'} = $1`,
      [childId],
    );
    counts[table] = row!.n;
  }
  return counts;
}

const none = (counts: Counts) => Object.fromEntries(Object.keys(counts).map((table) => [table, 0]));
const withoutLink = (counts: Counts) => ({ ...counts, ...Object.fromEntries(LINK_RECORDS.map((table) => [table, 0])) });

/** A Kent child with a decision, a placement order and a match, not adopted: the fixture the tests restrict. */
async function kentChildWithAMatch(): Promise<string> {
  const [row] = await seeded().rows<{ id: string }>(
    `SELECT c.id FROM children c
      WHERE c.authority = 'KENT' AND c.restriction_category IS NULL
        AND EXISTS (SELECT 1 FROM matches m WHERE m.child_id = c.id) AND EXISTS (SELECT 1 FROM placement_orders p WHERE p.child_id = c.id)
      ORDER BY c.id LIMIT 1`,
  );
  return row!.id;
}

async function restrict(childId: string, category: string, named: string[]): Promise<void> {
  await seeded().dataSource.transaction(async (manager) => {
    await manager.query(`UPDATE children SET restriction_category = $2 WHERE id = $1`, [childId, category]);
    await manager.query(
      `INSERT INTO child_restrictions (child_id, authority, category, allowed_staff_ids, reason, review_by, restricted_by)
       VALUES ($1, 'KENT', $2, $3, 'Test restriction', '2027-02-18', $4)`,
      [childId, category, named.map((username) => demoStaff(username).id), demoStaff('adm.kent').id],
    );
  });
}

async function grantEmergencyAccess(username: string, childId: string, grantedAt: Date): Promise<void> {
  await seeded().rows(
    `INSERT INTO emergency_accesses (child_id, authority, staff_id, reason, granted_at, expires_at)
     VALUES ($1, 'KENT', $2, 'Test emergency', $3, $3::timestamptz + interval '4 hours')`,
    [childId, demoStaff(username).id, grantedAt.toISOString()],
  );
}

const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

describe('a whole-record restriction (HIGH_PROFILE), restated by Row-Level Security', () => {
  let childId: string;
  let all: Counts;
  beforeAll(async () => {
    childId = await kentChildWithAMatch();
    all = await everything(childId);
    await restrict(childId, 'HIGH_PROFILE', ['ppm.medway']);
    await grantEmergencyAccess('finder.2', childId, hoursBefore(1));
  });

  it('hides the child, its decisions, placement orders, matches and placements from a PPM lead of its authority not named on it', async () => {
    expect(await seenBy('ppm.kent', childId)).toEqual(none(all));
  });

  it('shows all of them to the ADM of its authority', async () => {
    expect(await seenBy('adm.kent', childId)).toEqual(all);
  });

  it('shows all of them to a member of staff of another authority named on it', async () => {
    expect(await seenBy('ppm.medway', childId)).toEqual(all);
  });

  it('shows all of them to the holder of a live emergency access to the child', async () => {
    expect(await seenBy('finder.2', childId)).toEqual(all);
  });

  it('hides them again from a family finder with no emergency access to the child', async () => {
    expect(await seenBy('finder.1', childId)).toEqual(none(all));
  });
});

describe('a restriction as STAFF_CONNECTED, restated by Row-Level Security', () => {
  it('hides the child and its records even from the holder of a live emergency access', async () => {
    const [row] = await seeded().rows<{ id: string }>(
      `SELECT c.id FROM children c WHERE c.authority = 'KENT' AND c.restriction_category IS NULL
          AND EXISTS (SELECT 1 FROM child_decisions d WHERE d.child_id = c.id) ORDER BY c.id DESC LIMIT 1`,
    );
    const childId = row!.id;
    const all = await everything(childId);
    await restrict(childId, 'STAFF_CONNECTED', []);
    await grantEmergencyAccess('ppm.medway', childId, hoursBefore(1));
    expect(await seenBy('ppm.medway', childId)).toEqual(none(all));
    expect(await seenBy('adm.kent', childId)).toEqual(all);
  });
});

describe('a sealed record (ADOPTION), restated by Row-Level Security', () => {
  let childId: string;
  let all: Counts;
  beforeAll(async () => {
    const [row] = await seeded().rows<{ id: string }>(
      `SELECT c.id FROM children c WHERE c.authority = 'KENT' AND c.restriction_category = 'ADOPTION'
          AND EXISTS (SELECT 1 FROM matches m WHERE m.child_id = c.id) ORDER BY c.id LIMIT 1`,
    );
    childId = row!.id;
    all = await everything(childId);
    await grantEmergencyAccess('finder.1', childId, hoursBefore(2));
  });

  it('shows the PPM lead of its authority the child and its records, but not its link with the adoptive household', async () => {
    expect(all.matches).toBeGreaterThan(0);
    expect(await seenBy('ppm.kent', childId)).toEqual(withoutLink(all));
  });

  it('keeps the link sealed from the holder of a live emergency access', async () => {
    expect((await seenBy('finder.1', childId)).matches).toBe(0);
  });

  it('shows the link to the ADM of its authority', async () => {
    expect(await seenBy('adm.kent', childId)).toEqual(all);
  });
});

describe('an emergency access, restated by Row-Level Security', () => {
  it('admits its holder to a child out of their tenant while live, and no longer once expired', async () => {
    const [row] = await seeded().rows<{ id: string }>(
      `SELECT c.id FROM children c WHERE c.authority = 'KENT' AND c.restriction_category IS NULL
          AND EXISTS (SELECT 1 FROM child_decisions d WHERE d.child_id = c.id) ORDER BY c.created_at LIMIT 1`,
    );
    const childId = row!.id;
    const all = await everything(childId);
    expect(await seenBy('ppm.bexley', childId)).toEqual(none(all));
    await grantEmergencyAccess('ppm.bexley', childId, hoursBefore(5));
    expect(await seenBy('ppm.bexley', childId)).toEqual(none(all));
    await grantEmergencyAccess('ppm.bexley', childId, hoursBefore(3));
    expect(await seenBy('ppm.bexley', childId)).toEqual(all);
  });
});
