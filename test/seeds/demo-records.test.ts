import { generateDemoData } from '../../seeds/demo-data';
import { SEED_TODAY, useSeededDatabase } from './seeded-database';

/**
 * The demo records could have been recorded through the API: every step in legal order, by the
 * member of staff whose step it is, the child's summary columns agreeing with its records; and on
 * the seed's "today" each demo identity finds something to work on.
 */
const db = useSeededDatabase();

const TODAY = `DATE '${SEED_TODAY}'`;
/** Early-permanence placements, including those converted in place into the adoptive placement. */
const EARLY_PERMANENCE = `(SELECT * FROM placements WHERE kind = 'EARLY_PERMANENCE' OR converted_on IS NOT NULL)`;
/** The day a placement `p` became the adoptive placement. */
const PLACED_FOR_ADOPTION = 'coalesce(p.converted_on, p.placed_on)';

/** Rows of `sql` that break a rule: none expected. */
const violations = (sql: string, parameters?: unknown[]) => db().rows(sql, parameters);

const DATES: [string, string[]][] = [
  ['children', ['date_of_birth', 'entered_care_on', 'adoption_plan_decided_on', 'placement_order_granted_on']],
  ['children', ['early_permanence_placed_on', 'matched_on', 'placed_on', 'adoption_order_granted_on']],
  ['children', ['plan_changed_on', 'disrupted_on']],
  ['child_decisions', ['decided_on', 'rescinded_on']],
  ['family_finder_allocations', ['allocated_on', 'ended_on']],
  ['placement_orders', ['granted_on']],
  ['matches', ['proposed_on', 'approved_on']],
  ['placements', ['placed_on', 'moved_in_on', 'converted_on', 'ended_on']],
  ['disruptions', ['disrupted_on', 'meeting_on']],
  ['households', ['enquiry_on', 'approved_on', 'stage_entered_on']],
  ['household_stage_events', ['entered_on']],
  ['household_decisions', ['decided_on']],
  ['agenda_items', ['papers_released_on']],
  ['support_requests', ['received_on', 'advice_line_call_on']],
  ['support_assessments', ['completed_on']],
];

describe('legal order', () => {
  it.each(DATES)('dates nothing in %s after today (%j)', async (table, columns) => {
    const after = columns.map((column) => `${column} > ${TODAY}`).join(' OR ');
    expect(await violations(`SELECT id FROM ${table} WHERE ${after}`)).toEqual([]);
  });

  it('holds no panel meeting beyond the coming fortnight, and releases no papers after today but its last', async () => {
    expect(await violations(`SELECT id FROM panel_meetings WHERE meeting_on > ${TODAY} + 14`)).toEqual([]);
    expect(
      await violations(`
        SELECT m.id FROM panel_meetings m
        WHERE m.papers_released_on > ${TODAY}
          AND EXISTS (SELECT 1 FROM panel_meetings l WHERE l.panel_id = m.panel_id AND l.meeting_on > m.meeting_on)`),
    ).toEqual([]);
  });

  it('has a child enter care on or after birth, and the plan decided on or after that', async () => {
    expect(
      await violations(`
        SELECT c.id FROM children c LEFT JOIN child_decisions d ON d.child_id = c.id AND d.kind = 'ADOPTION_PLAN'
        WHERE c.entered_care_on < c.date_of_birth OR d.decided_on < c.entered_care_on`),
    ).toEqual([]);
  });

  it('grants authority to place, allocates a family finder and links on or after the plan decision', async () => {
    expect(
      await violations(`
        SELECT d.child_id FROM child_decisions d
        LEFT JOIN placement_orders po ON po.child_id = d.child_id
        LEFT JOIN family_finder_allocations a ON a.child_id = d.child_id
        LEFT JOIN matches m ON m.child_id = d.child_id
        WHERE d.kind = 'ADOPTION_PLAN'
          AND (po.granted_on < d.decided_on OR a.allocated_on < d.decided_on OR m.proposed_on < d.decided_on)`),
    ).toEqual([]);
  });

  it('links only households approved by then, the link proposed by the child’s allocated family finder', async () => {
    expect(
      await violations(`
        SELECT m.id FROM matches m JOIN households h ON h.id = m.household_id
        WHERE h.approved_on IS NULL OR h.approved_on > m.proposed_on OR NOT EXISTS (
          SELECT 1 FROM family_finder_allocations a
          WHERE a.child_id = m.child_id AND a.family_finder_id = m.proposed_by
            AND a.allocated_on <= m.proposed_on AND coalesce(a.ended_on, ${TODAY}) >= m.proposed_on)`),
    ).toEqual([]);
  });

  it('decides every match after a positive panel recommendation, at a meeting after the proposal', async () => {
    expect(
      await violations(`
        SELECT d.id FROM child_decisions d JOIN matches m ON m.id = d.match_id
        WHERE d.kind = 'MATCH' AND NOT EXISTS (
          SELECT 1 FROM agenda_items i
          WHERE i.match_id = d.match_id AND i.kind = 'MATCH' AND i.recommendation = 'POSITIVE'
            AND i.meeting_on <= d.decided_on AND i.papers_released_on >= m.proposed_on)`),
    ).toEqual([]);
  });

  it('decides a match on or after the placement order, unless the child lives with those carers already', async () => {
    expect(
      await violations(`
        SELECT d.id FROM child_decisions d JOIN matches m ON m.id = d.match_id
        LEFT JOIN placement_orders po ON po.child_id = d.child_id
        WHERE d.kind = 'MATCH' AND (po.granted_on IS NULL OR po.granted_on > d.decided_on) AND NOT EXISTS (
          SELECT 1 FROM ${EARLY_PERMANENCE} p WHERE p.child_id = d.child_id AND p.household_id = m.household_id)`),
    ).toEqual([]);
  });

  it('places a child for adoption with the matched family after the match decision and the order', async () => {
    expect(
      await violations(`
        SELECT p.id FROM placements p
        LEFT JOIN matches m ON m.id = p.match_id
        LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
        LEFT JOIN placement_orders po ON po.child_id = p.child_id AND po.granted_on <= ${PLACED_FOR_ADOPTION}
        WHERE p.kind = 'ADOPTIVE'
          AND (m.household_id IS DISTINCT FROM p.household_id OR po.id IS NULL
               OR d.decided_on IS NULL OR d.decided_on > ${PLACED_FOR_ADOPTION})`),
    ).toEqual([]);
  });

  it('places a child in early permanence before the order, with dual-approved carers linked first', async () => {
    expect(
      await violations(`
        SELECT p.id FROM ${EARLY_PERMANENCE} p
        JOIN households h ON h.id = p.household_id
        JOIN child_decisions d ON d.child_id = p.child_id AND d.kind = 'ADOPTION_PLAN'
        LEFT JOIN matches m ON m.id = p.match_id
        LEFT JOIN placement_orders po ON po.child_id = p.child_id
        WHERE NOT h.early_permanence OR h.approved_on > p.placed_on OR d.decided_on > p.placed_on
           OR po.granted_on <= p.placed_on OR m.household_id IS DISTINCT FROM p.household_id
           OR m.proposed_on > p.placed_on OR p.moved_in_on <> p.placed_on`),
    ).toEqual([]);
  });

  it('makes no adoption order within 10 weeks of the placement for adoption', async () => {
    expect(
      await violations(`
        SELECT c.id FROM children c
        LEFT JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
        WHERE c.adoption_order_granted_on < coalesce(${PLACED_FOR_ADOPTION} + 70, 'infinity')`),
    ).toEqual([]);
  });

  it('holds a disruption meeting for every disruption, which ends the placement and the match', async () => {
    expect(
      await violations(`
        SELECT d.id FROM disruptions d JOIN placements p ON p.id = d.placement_id JOIN matches m ON m.id = p.match_id
        WHERE d.meeting_on < d.disrupted_on OR p.ended_on IS DISTINCT FROM d.disrupted_on OR m.status <> 'DISRUPTED'`),
    ).toEqual([]);
  });

  it('approves a household after a panel recommendation, the household at panel stage by the papers', async () => {
    expect(
      await violations(`
        SELECT h.id FROM households h JOIN household_decisions d ON d.household_id = h.id AND d.outcome = 'APPROVED'
        WHERE h.approved_on IS DISTINCT FROM d.decided_on OR NOT EXISTS (
          SELECT 1 FROM agenda_items i JOIN household_stage_events e ON e.household_id = i.household_id
          WHERE i.household_id = h.id AND i.kind = 'ADOPTER_APPROVAL' AND i.recommendation IS NOT NULL
            AND i.meeting_on <= d.decided_on AND e.stage = 'PANEL' AND e.entered_on <= i.papers_released_on)`),
    ).toEqual([]);
  });

  it('moves a household through recruitment in order from its enquiry (fast track: Stage 2 that day)', async () => {
    expect(
      await violations(`
        SELECT household_id FROM (
          SELECT household_id, stage, lag(stage) OVER (PARTITION BY household_id ORDER BY entered_on, stage) AS previous
          FROM household_stage_events WHERE stage <= 'PANEL') e
        WHERE previous >= stage`),
    ).toEqual([]);
    expect(
      await violations(`
        SELECT h.id FROM households h
        JOIN LATERAL (SELECT array_agg(stage ORDER BY stage) AS first FROM household_stage_events e
                      WHERE e.household_id = h.id AND e.entered_on = h.enquiry_on
                        AND e.stage IN ('ENQUIRY', 'STAGE_2')) s ON true
        WHERE s.first <> (CASE WHEN h.fast_track THEN '{ENQUIRY,STAGE_2}' ELSE '{ENQUIRY}' END)::household_stage[]
           OR EXISTS (SELECT 1 FROM household_stage_events e
                      WHERE e.household_id = h.id AND e.entered_on < h.enquiry_on)
           OR NOT EXISTS (SELECT 1 FROM household_stage_events e
                          WHERE e.household_id = h.id AND e.stage = h.stage AND e.entered_on = h.stage_entered_on)`),
    ).toEqual([]);
  });
});

describe('who recorded what', () => {
  it.each([
    ['child_decisions', 'decided_by', 'adm.'],
    ['children', 'created_by', 'ppm.'],
    ['placement_orders', 'recorded_by', 'ppm.'],
    ['placements', 'recorded_by', 'ppm.'],
    ['disruptions', 'recorded_by', 'ppm.'],
    ['family_finder_allocations', 'allocated_by', 'ppm.'],
  ])('has %s.%s be the child’s authority’s %s', async (table, column, role) => {
    const staff = `(SELECT id FROM staff WHERE username = $1 || lower(x.authority::text))`;
    expect(await violations(`SELECT x.id FROM ${table} x WHERE x.${column} <> ${staff}`, [role])).toEqual([]);
  });

  it('has the partnership ADM decide on households', async () => {
    const raa = `(SELECT id FROM staff WHERE username = 'adm.raa')`;
    expect(await violations(`SELECT id FROM household_decisions WHERE decided_by <> ${raa}`)).toEqual([]);
  });

  it('has the panel’s adviser schedule each item and its chair or vice chair recommend', async () => {
    const officer = (staff: string, roles: string) => `EXISTS (
      SELECT 1 FROM role_assignments r
      WHERE r.staff_id = ${staff} AND r.panel_id = i.panel_id AND r.panel_role IN (${roles}))`;
    expect(
      await violations(`
        SELECT i.id FROM agenda_items i
        WHERE NOT ${officer('i.scheduled_by', `'ADVISER'`)}
           OR i.recommended_by IS NOT NULL AND NOT ${officer('i.recommended_by', `'CHAIR', 'VICE_CHAIR'`)}`),
    ).toEqual([]);
  });

  it('has the child’s ADM restrict a record, naming staff with a case role, the category on the child, reviewed within the year', async () => {
    expect(
      await violations(`
        SELECT r.id FROM child_restrictions r JOIN children c ON c.id = r.child_id
        WHERE c.restriction_category IS DISTINCT FROM r.category
           OR r.restricted_by <> (SELECT id FROM staff WHERE username = 'adm.' || lower(r.authority::text))
           OR r.review_by <= ${TODAY} OR r.review_by > ${TODAY} + 365
           OR EXISTS (SELECT 1 FROM unnest(r.allowed_staff_ids) named WHERE NOT EXISTS (
                SELECT 1 FROM role_assignments a WHERE a.staff_id = named AND a.role IN ('ADM', 'PPM_LEAD', 'FAMILY_FINDER', 'SUPPORT_WORKER')))`),
    ).toEqual([]);
    expect(
      await violations(
        `SELECT id FROM children WHERE restriction_category <> 'ADOPTION' AND id NOT IN (SELECT child_id FROM child_restrictions)`,
      ),
    ).toEqual([]);
  });

  it('has a member of staff with a case role break glass on a child out of their reach, reviewed by its ADM or an auditor', async () => {
    const holds = (where: string) => `EXISTS (SELECT 1 FROM role_assignments r WHERE r.staff_id = g.staff_id AND ${where})`;
    expect(
      await violations(`
        SELECT g.id FROM emergency_accesses g
        WHERE NOT ${holds(`r.role IN ('ADM', 'PPM_LEAD', 'FAMILY_FINDER') AND (r.role <> 'ADM' OR r.authority IS NOT NULL)`)}
           OR ${holds('r.authority = g.authority')}
           OR EXISTS (SELECT 1 FROM family_finder_allocations a WHERE a.child_id = g.child_id AND a.family_finder_id = g.staff_id)
           OR g.reviewed_by = g.staff_id
           OR g.reviewed_by IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM role_assignments r
                WHERE r.staff_id = g.reviewed_by AND (r.role = 'AUDITOR' OR r.role = 'ADM' AND r.authority = g.authority))`),
    ).toEqual([]);
  });

  it.each(['child_decisions', 'placement_orders', 'matches', 'placements', 'disruptions', 'family_finder_allocations'])(
    'copies the child’s authority onto %s',
    async (table) => {
      const sql = `SELECT x.id FROM ${table} x JOIN children c ON c.id = x.child_id WHERE x.authority <> c.authority`;
      expect(await violations(sql)).toEqual([]);
    },
  );
});

describe('the child’s summary columns', () => {
  it('agree with the child’s records', async () => {
    const differs = (column: string, value: string, from: string, where = 'TRUE') =>
      `c.${column} IS DISTINCT FROM (SELECT ${value} FROM ${from} WHERE child_id = c.id AND ${where})`;
    const plan = `kind = 'ADOPTION_PLAN'`;
    expect(
      await violations(`
        SELECT c.id FROM children c WHERE
          ${differs('adoption_plan_decided_on', 'decided_on', 'child_decisions', plan)}
          OR ${differs('plan_changed_on', 'rescinded_on', 'child_decisions', plan)}
          OR ${differs('placement_order_granted_on', 'granted_on', 'placement_orders')}
          OR ${differs('early_permanence_placed_on', 'placed_on', `${EARLY_PERMANENCE} p`)}
          OR ${differs('matched_on', 'max(decided_on)', 'child_decisions', `kind = 'MATCH'`)}
          OR ${differs('placed_on', `max(${PLACED_FOR_ADOPTION})`, 'placements p', `kind = 'ADOPTIVE'`)}
          OR ${differs('disrupted_on', 'max(disrupted_on)', 'disruptions')}
          OR (c.plan_changed_on IS NULL) <> (c.plan_change_reason IS NULL)
          OR (c.stage = 'ADOPTED') <> (c.adoption_order_granted_on IS NOT NULL)`),
    ).toEqual([]);
  });

  it('give the stage of the child’s latest step', async () => {
    expect(
      await violations(`
        SELECT c.id, c.stage FROM children c
        LEFT JOIN LATERAL (SELECT status FROM matches WHERE child_id = c.id ORDER BY proposed_on DESC LIMIT 1) m ON true
        WHERE c.stage::text <> CASE
          WHEN c.plan_changed_on IS NOT NULL THEN 'PLAN_CHANGED'
          WHEN c.adoption_plan_decided_on IS NULL THEN 'CONSIDERING_ADOPTION'
          WHEN m.status = 'PROPOSED' THEN 'LINKED'
          WHEN m.status = 'RECOMMENDED' THEN 'MATCH_RECOMMENDED'
          WHEN m.status = 'APPROVED' THEN 'MATCHED'
          WHEN m.status IN ('PLACED', 'ADOPTED', 'DISRUPTED') THEN m.status::text
          WHEN c.placement_order_granted_on IS NOT NULL THEN 'AUTHORITY_TO_PLACE'
          WHEN c.early_permanence_placed_on IS NOT NULL THEN 'EARLY_PERMANENCE'
          ELSE 'SHOULD_BE_PLACED' END`),
    ).toEqual([]);
  });
});

describe('what the demo identities find on the seed’s today', () => {
  it('gives each family finder live allocations to children of more than one authority in family finding', async () => {
    const rows = await db().rows<{ username: string; children: number; authorities: number }>(`
      SELECT s.username, count(*)::int AS children, count(DISTINCT c.authority)::int AS authorities
      FROM family_finder_allocations a JOIN staff s ON s.id = a.family_finder_id JOIN children c ON c.id = a.child_id
      WHERE a.ended_on IS NULL
        AND c.stage IN ('SHOULD_BE_PLACED', 'EARLY_PERMANENCE', 'AUTHORITY_TO_PLACE', 'LINKED', 'MATCH_RECOMMENDED')
      GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.username)).toEqual(['finder.1', 'finder.2']);
    for (const row of rows) {
      expect(row.children).toBeGreaterThanOrEqual(3);
      expect(row.authorities).toBeGreaterThanOrEqual(2);
    }
  });

  it('puts matches and adopter approvals, not yet recommended, on panels 1 and 2’s coming meetings', async () => {
    const rows = await db().rows<{ panel: string; items: number; matches: number; approvals: number }>(`
      SELECT p.name AS panel, count(*)::int AS items, count(*) FILTER (WHERE i.kind = 'MATCH')::int AS matches,
             count(*) FILTER (WHERE i.kind = 'ADOPTER_APPROVAL')::int AS approvals
      FROM panel_meetings m JOIN panels p ON p.id = m.panel_id JOIN agenda_items i ON i.meeting_id = m.id
      WHERE m.meeting_on > ${TODAY} AND m.papers_released_on <= ${TODAY} AND i.recommendation IS NULL
      GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.panel)).toEqual(['Adoption panel 1', 'Adoption panel 2']);
    for (const row of rows) {
      expect(row.items).toBeGreaterThanOrEqual(2);
      expect(row.items).toBeLessThanOrEqual(4);
      expect(row.matches).toBeGreaterThanOrEqual(1);
      expect(row.approvals).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives each panel’s adviser a meeting to schedule onto: its papers not yet released, its agenda empty', async () => {
    const rows = await db().rows<{ panel: string; items: number }>(`
      SELECT p.name AS panel, count(i.id)::int AS items
      FROM panel_meetings m JOIN panels p ON p.id = m.panel_id LEFT JOIN agenda_items i ON i.meeting_id = m.id
      WHERE m.papers_released_on > ${TODAY}
      GROUP BY m.id, p.name ORDER BY 1`);
    expect(rows).toEqual([
      { panel: 'Adoption panel 1', items: 0 },
      { panel: 'Adoption panel 2', items: 0 },
    ]);
  });

  it('has matches proposed for Kent and Medway children', async () => {
    const rows = await db().rows(`SELECT DISTINCT authority::text AS authority FROM matches WHERE status = 'PROPOSED'`);
    expect(rows).toEqual(expect.arrayContaining([{ authority: 'KENT' }, { authority: 'MEDWAY' }]));
  });

  it('restricts one Kent child whole (HIGH_PROFILE) to staff other than Kent’s PPM lead', async () => {
    const rows = await db().rows(`
      SELECT c.authority::text AS authority, r.category::text AS category,
             (SELECT id FROM staff WHERE username = 'ppm.kent') = ANY (r.allowed_staff_ids) AS names_ppm_lead
      FROM child_restrictions r JOIN children c ON c.id = r.child_id`);
    expect(rows).toEqual([{ authority: 'KENT', category: 'HIGH_PROFILE', names_ppm_lead: false }]);
  });

  it('gives the review queues a past emergency access found JUSTIFIED and one awaiting review; none is live', async () => {
    const rows = await db().rows(`
      SELECT s.username, g.authority::text AS authority, g.outcome::text AS outcome, g.expires_at < ${TODAY} AS expired
      FROM emergency_accesses g JOIN staff s ON s.id = g.staff_id ORDER BY g.granted_at`);
    expect(rows).toEqual([
      { username: 'ppm.kent', authority: 'BEXLEY', outcome: 'JUSTIFIED', expired: true },
      { username: 'finder.1', authority: 'MEDWAY', outcome: null, expired: true },
    ]);
  });

  it('has households at every recruitment stage, and approved ones waiting', async () => {
    const rows = await db().rows<{ stage: string }>(`SELECT DISTINCT stage::text AS stage FROM households`);
    const stages = ['ENQUIRY', 'INFORMATION_EVENT', 'INITIAL_VISIT', 'REGISTRATION', 'STAGE_1', 'STAGE_2', 'PANEL'];
    expect(rows.map((r) => r.stage)).toEqual(expect.arrayContaining([...stages, 'APPROVED']));
  });
});

it('generates the same records, ids included, on every run', () => {
  const generate = () => JSON.stringify(generateDemoData(SEED_TODAY).map((table) => table.rows));
  expect(generate()).toEqual(generate());
});
