import { seedDemoData } from '../../seeds/seed';
import { SEED_TODAY } from '../seeds/seeded-database';
import { useTestApi } from '../helpers/test-api';

/**
 * What the access log keeps of a change, by field class, for every audited table: a case value is kept
 * before and after; an identifying, special-category, criminal-offence, birth-family or free-text value
 * is withheld (a keyed digest in its place), so the auditor reading the log never sees it.
 * Each row writes one change behind the API's back (the database's triggers log it all the same) and reads
 * the event as the partnership's auditor does.
 */
type Row = { subjectType: string; table: string; column: string; fieldClass: string; set: string };

const PROBE = 'Probe-7f3a';
const probe = (what: string) => `'${PROBE}-${what}'`;
/** Another member of staff than the one the column names (two PPM leads), so that it changes. */
const otherStaff = (column: string) =>
  `CASE WHEN ${column} = '5eed0000-0000-4000-8000-000000000005' THEN '5eed0000-0000-4000-8000-000000000006'::uuid ELSE '5eed0000-0000-4000-8000-000000000005'::uuid END`;

const ROWS: Row[] = [
  { subjectType: 'Child', table: 'children', column: 'first_name', fieldClass: 'identifying', set: probe('first-name') },
  { subjectType: 'Child', table: 'children', column: 'nhs_number', fieldClass: 'identifying', set: `'9434765919'` },
  { subjectType: 'Child', table: 'children', column: 'ethnicity', fieldClass: 'special', set: probe('ethnicity') },
  { subjectType: 'Child', table: 'children', column: 'health_needs', fieldClass: 'special', set: probe('health') },
  { subjectType: 'Child', table: 'children', column: 'birth_family_background', fieldClass: 'birthFamily', set: probe('birth-family') },
  { subjectType: 'Child', table: 'children', column: 'plan_change_reason', fieldClass: 'narrative', set: probe('plan-change') },
  { subjectType: 'Child', table: 'children', column: 'created_by', fieldClass: 'case', set: otherStaff('created_by') },
  {
    subjectType: 'Allocation',
    table: 'family_finder_allocations',
    column: 'allocated_by',
    fieldClass: 'case',
    set: otherStaff('allocated_by'),
  },
  { subjectType: 'ChildDecision', table: 'child_decisions', column: 'rationale', fieldClass: 'narrative', set: probe('rationale') },
  { subjectType: 'ChildDecision', table: 'child_decisions', column: 'rescinded_on', fieldClass: 'case', set: `'2026-11-19'` },
  { subjectType: 'PlacementOrder', table: 'placement_orders', column: 'recorded_by', fieldClass: 'case', set: otherStaff('recorded_by') },
  { subjectType: 'Match', table: 'matches', column: 'proposed_by', fieldClass: 'case', set: otherStaff('proposed_by') },
  { subjectType: 'Placement', table: 'placements', column: 'recorded_by', fieldClass: 'case', set: otherStaff('recorded_by') },
  { subjectType: 'Disruption', table: 'disruptions', column: 'reason', fieldClass: 'narrative', set: probe('disruption') },
  { subjectType: 'Household', table: 'households', column: 'address', fieldClass: 'identifying', set: probe('address') },
  {
    subjectType: 'Household',
    table: 'households',
    column: 'applicants',
    fieldClass: 'identifying',
    set: `'[{"firstName": "${PROBE}-applicant", "lastName": "X", "dateOfBirth": "1980-01-01"}]'`,
  },
  { subjectType: 'Household', table: 'households', column: 'religion', fieldClass: 'special', set: probe('religion') },
  { subjectType: 'Household', table: 'households', column: 'dbs_outcome', fieldClass: 'criminalOffence', set: probe('dbs') },
  {
    subjectType: 'Household',
    table: 'households',
    column: 'max_siblings',
    fieldClass: 'case',
    set: `CASE WHEN max_siblings = 6 THEN 5 ELSE max_siblings + 1 END`,
  },
  {
    subjectType: 'HouseholdStageEvent',
    table: 'household_stage_events',
    column: 'reason',
    fieldClass: 'narrative',
    set: probe('stage-reason'),
  },
  { subjectType: 'HouseholdDecision', table: 'household_decisions', column: 'rationale', fieldClass: 'narrative', set: probe('approval') },
  { subjectType: 'AgendaItem', table: 'agenda_items', column: 'scheduled_by', fieldClass: 'case', set: otherStaff('scheduled_by') },
  {
    subjectType: 'ReportQualityFeedback',
    table: 'report_quality_feedback',
    column: 'strengths',
    fieldClass: 'narrative',
    set: probe('strengths'),
  },
  {
    subjectType: 'ReportQualityFeedback',
    table: 'report_quality_feedback',
    column: 'rating',
    fieldClass: 'case',
    set: `CASE WHEN rating = 4 THEN 3 ELSE rating + 1 END`,
  },
  { subjectType: 'SupportRequest', table: 'support_requests', column: 'family_name', fieldClass: 'identifying', set: probe('family') },
  { subjectType: 'SupportRequest', table: 'support_requests', column: 'summary', fieldClass: 'narrative', set: probe('summary') },
  { subjectType: 'SupportRequest', table: 'support_requests', column: 'recorded_by', fieldClass: 'case', set: otherStaff('recorded_by') },
  { subjectType: 'SupportAssessment', table: 'support_assessments', column: 'notes', fieldClass: 'narrative', set: probe('assessment') },
  { subjectType: 'Staff', table: 'staff', column: 'display_name', fieldClass: 'identifying', set: probe('staff-name') },
  { subjectType: 'Staff', table: 'staff', column: 'active', fieldClass: 'case', set: 'NOT active' },
  {
    subjectType: 'RoleAssignment',
    table: 'role_assignments',
    column: 'panel_role',
    fieldClass: 'case',
    set: `CASE WHEN panel_role = 'MEMBER' THEN 'CHAIR'::panel_role ELSE 'MEMBER'::panel_role END`,
  },
  { subjectType: 'Panel', table: 'panels', column: 'name', fieldClass: 'case', set: `'Adoption panel renamed'` },
  { subjectType: 'PanelMeeting', table: 'panel_meetings', column: 'papers_released_on', fieldClass: 'case', set: `papers_released_on - 1` },
  { subjectType: 'BudgetYear', table: 'budget_years', column: 'spend', fieldClass: 'case', set: `spend + 1` },
  { subjectType: 'BudgetContribution', table: 'budget_contributions', column: 'contribution', fieldClass: 'case', set: `contribution + 1` },
];

const AUDIT_CHANGES = `query ($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) { edges { node { subjectType fields changes authorities } } } }`;

const api = useTestApi(async ({ dataSource }) => {
  await dataSource.query('TRUNCATE staff, panels CASCADE');
  await seedDemoData(dataSource, SEED_TODAY);
});

/** The row whose change the test writes: a panel member's assignment for panel_role; never the auditor's own staff record. */
const whereOf = (row: Row) =>
  row.table === 'role_assignments'
    ? `WHERE role = 'PANEL_MEMBER' AND panel_role = 'MEMBER'`
    : row.table === 'staff'
      ? `WHERE username NOT LIKE 'auditor.%'`
      : '';

describe.each(ROWS.map((row) => [`${row.subjectType}.${row.column} (${row.fieldClass})`, row] as const))('%s', (_name, row) => {
  it(
    row.fieldClass === 'case' ? 'the auditor sees the value before and after' : 'the auditor sees that it changed, never the value',
    async () => {
      const { dataSource } = api();
      const [{ written }] = await dataSource.query(
        `WITH one AS (SELECT ctid FROM ${row.table} ${whereOf(row)} LIMIT 1),
            changed AS (UPDATE ${row.table} SET ${row.column} = ${row.set} WHERE ctid IN (SELECT ctid FROM one) RETURNING to_jsonb(${row.table}.*)->'${row.column}' AS written)
       SELECT written FROM changed`,
      );
      const { data, errors } = await api().as('auditor.1')(AUDIT_CHANGES, { filter: { subjectType: row.subjectType, action: 'update' } });
      expect(errors).toBeUndefined();
      const event = data!.auditEvents.edges
        .map((e: { node: { fields: string[]; changes: Record<string, unknown> } }) => e.node)
        .find((n: { fields: string[] }) => n.fields.includes(row.column));
      expect(event).toBeDefined();
      if (row.fieldClass === 'case') {
        expect(Object.keys(event.changes[row.column]).sort()).toEqual(['after', 'before']);
        expect(event.changes[row.column].after).toEqual(written);
      } else {
        expect(event.changes[row.column]).toEqual({
          withheld: row.fieldClass,
          before: expect.stringMatching(/^[0-9a-f]{64}$/),
          after: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
        expect(JSON.stringify(data)).not.toContain(PROBE);
        expect(JSON.stringify(data)).not.toContain(JSON.stringify(written));
      }
    },
  );
});

it('every column of every audited table has a field class (a new column is a decision, not an accident)', async () => {
  const unclassified = await api().dataSource.query(`
    SELECT DISTINCT c.table_name, c.column_name
      FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
      JOIN information_schema.columns c ON c.table_schema = 'public' AND c.table_name = r.relname
     WHERE t.tgname LIKE '%\\_audit\\_%' AND r.relname <> 'audit_events'
       AND NOT EXISTS (SELECT 1 FROM audit_column_classes k
                        WHERE k.column_name = c.column_name
                          AND k.subject_type = (regexp_match(pg_get_triggerdef(t.oid), '\\(''(\\w+)''\\)'))[1])
     ORDER BY 1, 2`);
  expect(unclassified).toEqual([]);
});

it('a change written before values were withheld shows its identifying value to no one: withheld when read', async () => {
  const { dataSource } = api();
  const [child] = await dataSource.query(`SELECT id FROM children LIMIT 1`);
  await dataSource.query(`
    DO $$ DECLARE e audit_events; BEGIN
      e := ROW(NULL, '2019-06-01/0', 1, '2019-06-01T09:00:00Z', NULL, NULL, 'PPM_LEAD:KENT', 'update', 'ALLOWED', 'Child', '${child.id}',
               '{first_name,stage}', NULL, '{"first_name": {"before": "${PROBE}-old", "after": "${PROBE}-new"}, "stage": {"before": "LINKED", "after": "MATCHED"}}',
               repeat('0', 64), '', NULL, 1, NULL, NULL, NULL, NULL)::audit_events;
      e.hash := encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex');
      INSERT INTO audit_events (chain, seq, at, roles, action, outcome, subject_type, subject_id, fields, changes, prev_hash, hash)
      VALUES (e.chain, e.seq, e.at, e.roles, e.action, e.outcome, e.subject_type, e.subject_id, e.fields, e.changes, e.prev_hash, e.hash);
      INSERT INTO audit_chain_heads VALUES (e.chain, 1, e.hash);
    END $$`);
  const { data } = await api().as('auditor.1')(AUDIT_CHANGES, {
    filter: { subjectId: child.id, action: 'update', to: '2019-12-31T00:00:00Z' },
  });
  expect(data!.auditEvents.edges.map((e: { node: unknown }) => e.node)).toEqual([
    {
      subjectType: 'Child',
      fields: ['first_name', 'stage'],
      changes: { first_name: { withheld: 'identifying' }, stage: { before: 'LINKED', after: 'MATCHED' } },
      authorities: [],
    },
  ]);
  expect(JSON.stringify(data)).not.toContain(PROBE);
  const [{ broken }] = await dataSource.query(`SELECT count(*)::int AS broken FROM audit_verify() WHERE first_broken_seq IS NOT NULL`);
  expect(broken).toBe(0);
});
