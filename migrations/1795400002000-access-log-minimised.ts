import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The class of every column of every audited table, by the subject type its rows are. A change event keeps
 * the values of `case` columns only; every other class is withheld (docs/access-log.md, "What the log keeps").
 */
const COLUMN_CLASSES: Record<string, Record<string, string[]>> = {
  Child: {
    case: [
      'id', 'authority', 'stage', 'entered_care_on', 'adoption_plan_decided_on', 'placement_order_granted_on',
      'early_permanence_placed_on', 'matched_on', 'placed_on', 'adoption_order_granted_on', 'plan_changed_on',
      'disrupted_on', 'created_by', 'version', 'created_at', 'updated_at',
    ],
    identifying: ['first_name', 'last_name', 'date_of_birth', 'nhs_number'],
    special: ['sex', 'ethnicity', 'religion', 'disability', 'health_needs'],
    birthFamily: ['birth_family_background'],
    narrative: ['plan_change_reason'],
  },
  Allocation: { case: ['id', 'child_id', 'authority', 'family_finder_id', 'allocated_on', 'ended_on', 'allocated_by', 'created_at'] },
  ChildDecision: {
    case: ['id', 'child_id', 'authority', 'kind', 'outcome', 'match_id', 'decided_on', 'decided_by', 'rescinded_on', 'created_at'],
    narrative: ['rationale'],
  },
  PlacementOrder: { case: ['id', 'child_id', 'authority', 'basis', 'granted_on', 'recorded_by', 'created_at'] },
  Match: {
    case: ['id', 'child_id', 'authority', 'household_id', 'status', 'proposed_on', 'proposed_by', 'approved_on', 'version', 'created_at', 'updated_at'],
  },
  Placement: {
    case: ['id', 'child_id', 'authority', 'household_id', 'match_id', 'kind', 'placed_on', 'moved_in_on', 'converted_on', 'ended_on', 'recorded_by', 'created_at'],
  },
  Disruption: {
    case: ['id', 'child_id', 'authority', 'placement_id', 'disrupted_on', 'meeting_on', 'recorded_by', 'created_at'],
    narrative: ['reason'],
  },
  Household: {
    case: [
      'id', 'reference', 'stage', 'stage_entered_on', 'home_authority', 'min_child_age', 'max_child_age', 'max_siblings',
      'needs_they_can_meet', 'early_permanence', 'fast_track', 'enquiry_on', 'approved_on', 'created_by', 'version',
      'created_at', 'updated_at', 'proposed_for',
    ],
    identifying: ['applicants', 'address'],
    special: ['ethnicity', 'religion', 'health_notes'],
    criminalOffence: ['dbs_outcome'],
  },
  HouseholdStageEvent: { case: ['id', 'household_id', 'stage', 'entered_on', 'recorded_by', 'created_at'], narrative: ['reason'] },
  HouseholdDecision: { case: ['id', 'household_id', 'outcome', 'decided_on', 'decided_by', 'created_at'], narrative: ['rationale'] },
  AgendaItem: {
    case: [
      'id', 'meeting_id', 'panel_id', 'meeting_on', 'papers_released_on', 'window_closes_on', 'kind', 'household_id', 'match_id',
      'child_id', 'child_authority', 'recommendation', 'recommended_by', 'scheduled_by', 'version', 'created_at', 'updated_at',
    ],
    narrative: ['reasons'],
  },
  ReportQualityFeedback: { case: ['id', 'panel_id', 'period', 'rating', 'recorded_by', 'created_at'], narrative: ['strengths', 'improvements'] },
  SupportRequest: {
    case: ['id', 'authority', 'received_on', 'advice_line_call_on', 'outcome', 'recorded_by', 'version', 'created_at', 'updated_at'],
    identifying: ['family_name'],
    narrative: ['summary'],
  },
  SupportAssessment: {
    case: ['id', 'support_request_id', 'authority', 'completed_on', 'outcome', 'recorded_by', 'created_at'],
    narrative: ['notes'],
  },
  Staff: { case: ['id', 'active', 'created_at'], identifying: ['username', 'display_name'] },
  RoleAssignment: { case: ['id', 'staff_id', 'role', 'authority', 'panel_id', 'panel_role'] },
  Panel: { case: ['id', 'name', 'created_at'] },
  PanelMeeting: { case: ['id', 'panel_id', 'meeting_on', 'papers_released_on', 'created_at'] },
  BudgetYear: { case: ['financial_year', 'operating_budget', 'spend', 'underspend_treatment', 'created_at'] },
  BudgetContribution: { case: ['financial_year', 'authority', 'contribution', 'underspend_share'] },
};

/** Case tables, logged statement by statement since migration 1795400000800: now their deletes too. */
const CASE_TABLES: [table: string, subjectType: string][] = [
  ['children', 'Child'],
  ['family_finder_allocations', 'Allocation'],
  ['child_decisions', 'ChildDecision'],
  ['placement_orders', 'PlacementOrder'],
  ['matches', 'Match'],
  ['placements', 'Placement'],
  ['disruptions', 'Disruption'],
  ['households', 'Household'],
  ['household_stage_events', 'HouseholdStageEvent'],
  ['household_decisions', 'HouseholdDecision'],
  ['agenda_items', 'AgendaItem'],
  ['report_quality_feedback', 'ReportQualityFeedback'],
  ['support_requests', 'SupportRequest'],
  ['support_assessments', 'SupportAssessment'],
];

/** Who may act, and the partnership's own records: logged row by row (they change rarely). */
const ACCESS_TABLES: [table: string, subjectType: string][] = [
  ['staff', 'Staff'],
  ['role_assignments', 'RoleAssignment'],
  ['panels', 'Panel'],
  ['panel_meetings', 'PanelMeeting'],
  ['budget_years', 'BudgetYear'],
  ['budget_contributions', 'BudgetContribution'],
];

/**
 * The access log keeps personal data from its readers. A change event names every column that changed (a
 * column left empty on insert or delete is no change) and
 * keeps the before and after only of case columns (stages, dates, ids, outcomes, versions); an identifying,
 * special-category, criminal-offence, birth-family or free-text value is replaced by a keyed digest
 * (SHA-256 over a key only the database owner reads, the subject type, the column and the value), so the
 * value is never stored in the clear, the hash chain covers the digest, and a reader of the log cannot
 * confirm a guessed value. A column no one has classified is withheld too.
 *
 * Every insert, update, delete and truncate of the case tables and of staff, role assignments, panels,
 * meetings and the pooled budget is logged by the database, in the same transaction. A change event also
 * names the authorities it concerns (the row's, or for a member of staff those of their assignments), so
 * that an authority's auditor sees the events about its children and its staff.
 */
export class AccessLogMinimised1795400002000 implements MigrationInterface {
  name = 'AccessLogMinimised1795400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_column_classes (
        subject_type text NOT NULL,
        column_name text NOT NULL,
        class text NOT NULL CHECK (class IN ('case', 'identifying', 'special', 'criminalOffence', 'birthFamily', 'narrative')),
        PRIMARY KEY (subject_type, column_name)
      )`);
    const rows = Object.entries(COLUMN_CLASSES).flatMap(([subjectType, classes]) =>
      Object.entries(classes).flatMap(([cls, columns]) => columns.map((column) => `('${subjectType}', '${column}', '${cls}')`)),
    );
    await q.query(`INSERT INTO audit_column_classes (subject_type, column_name, class) VALUES ${rows.join(', ')}`);
    await q.query(`GRANT SELECT ON audit_column_classes TO apse_app`);

    await q.query(`CREATE TABLE audit_digest_key (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), key text NOT NULL)`);
    await q.query(`
      INSERT INTO audit_digest_key (key)
      VALUES (encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'))`);
    await q.query(`REVOKE ALL ON audit_digest_key FROM PUBLIC`);

    // The authority of a refused record, which the refused actor could not read: looked up as apse_reporting.
    await q.query(`
      CREATE FUNCTION audit_subject_authorities(subject_type text, subject_id uuid) RETURNS authority[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT array_remove(ARRAY[CASE subject_type
          WHEN 'Child' THEN (SELECT authority FROM children WHERE id = subject_id)
          WHEN 'Allocation' THEN (SELECT authority FROM family_finder_allocations WHERE id = subject_id)
          WHEN 'ChildDecision' THEN (SELECT authority FROM child_decisions WHERE id = subject_id)
          WHEN 'PlacementOrder' THEN (SELECT authority FROM placement_orders WHERE id = subject_id)
          WHEN 'Match' THEN (SELECT authority FROM matches WHERE id = subject_id)
          WHEN 'Placement' THEN (SELECT authority FROM placements WHERE id = subject_id)
          WHEN 'Disruption' THEN (SELECT authority FROM disruptions WHERE id = subject_id)
          WHEN 'SupportRequest' THEN (SELECT authority FROM support_requests WHERE id = subject_id)
          WHEN 'SupportAssessment' THEN (SELECT authority FROM support_assessments WHERE id = subject_id)
          WHEN 'AgendaItem' THEN (SELECT child_authority FROM agenda_items WHERE id = subject_id)
        END], NULL)
      $$`);
    await q.query(`ALTER FUNCTION audit_subject_authorities(text, uuid) OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION audit_subject_authorities(text, uuid) FROM PUBLIC`);

    await q.query(`
      CREATE OR REPLACE FUNCTION audit_change_event(action text, subject_type text, before jsonb, after jsonb) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH changed AS (
          SELECT k, before->k AS was, after->k AS now, coalesce(c.class, 'unclassified') AS class
            FROM (SELECT jsonb_object_keys(before) UNION SELECT jsonb_object_keys(after)) AS keys(k)
            LEFT JOIN audit_column_classes c ON c.subject_type = audit_change_event.subject_type AND c.column_name = keys.k
           WHERE coalesce(before->k, 'null') IS DISTINCT FROM coalesce(after->k, 'null') AND k NOT IN ('version', 'updated_at', 'created_at')
        ), kept AS (
          SELECT k, CASE WHEN class = 'case' THEN jsonb_build_object('before', was, 'after', now)
                         ELSE jsonb_build_object('withheld', class,
                                'before', (SELECT encode(sha256(convert_to(d.key || '|' || subject_type || '|' || k || '|' || was::text, 'UTF8')), 'hex') FROM audit_digest_key d),
                                'after', (SELECT encode(sha256(convert_to(d.key || '|' || subject_type || '|' || k || '|' || now::text, 'UTF8')), 'hex') FROM audit_digest_key d))
                    END AS v
            FROM changed
        ), row_ AS (SELECT CASE WHEN after = '{}'::jsonb THEN before ELSE after END AS rec)
        SELECT jsonb_build_object(
                 'action', action, 'subjectType', subject_type, 'subjectId', (SELECT rec->>'id' FROM row_),
                 'fields', (SELECT jsonb_agg(k ORDER BY k) FROM kept),
                 'changes', (SELECT jsonb_object_agg(k, v) FROM kept),
                 'authorities', CASE WHEN subject_type = 'Staff'
                   THEN (SELECT coalesce(jsonb_agg(DISTINCT a.authority), '[]') FROM role_assignments a, row_
                          WHERE a.staff_id = (row_.rec->>'id')::uuid AND a.authority IS NOT NULL)
                   ELSE (SELECT jsonb_path_query_array(rec, '$.authority ? (@ != null)') || jsonb_path_query_array(rec, '$.child_authority ? (@ != null)') FROM row_)
                 END)
         WHERE EXISTS (SELECT 1 FROM kept)
      $$`);

    await q.query(`
      CREATE FUNCTION audit_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(ev) FROM (
          SELECT audit_change_event('delete', TG_ARGV[0], to_jsonb(o), '{}'::jsonb) AS ev FROM old_rows o) gone WHERE ev IS NOT NULL));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ev jsonb := audit_change_event(CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE lower(TG_OP) END, TG_ARGV[0],
                                       CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END,
                                       CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END);
      BEGIN
        IF ev IS NOT NULL THEN PERFORM audit_append(jsonb_build_array(ev)); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_table_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append(jsonb_build_array(jsonb_build_object('action', 'truncate', 'subjectType', TG_ARGV[0])));
        RETURN NULL;
      END $$`);

    for (const [table, subjectType] of CASE_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_audit_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('${subjectType}')`);
    }
    for (const [table, subjectType] of ACCESS_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_audit_change AFTER INSERT OR UPDATE OR DELETE ON ${table}
                     FOR EACH ROW EXECUTE FUNCTION audit_row_changed('${subjectType}')`);
    }
    for (const [table, subjectType] of [...CASE_TABLES, ...ACCESS_TABLES]) {
      await q.query(`CREATE TRIGGER ${table}_audit_truncate AFTER TRUNCATE ON ${table}
                     FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('${subjectType}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of [...CASE_TABLES, ...ACCESS_TABLES]) await q.query(`DROP TRIGGER ${table}_audit_truncate ON ${table}`);
    for (const [table] of ACCESS_TABLES) await q.query(`DROP TRIGGER ${table}_audit_change ON ${table}`);
    for (const [table] of CASE_TABLES) await q.query(`DROP TRIGGER ${table}_audit_delete ON ${table}`);
    await q.query(`DROP FUNCTION audit_table_truncated()`);
    await q.query(`DROP FUNCTION audit_row_changed()`);
    await q.query(`DROP FUNCTION audit_rows_deleted()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_change_event(action text, subject_type text, before jsonb, after jsonb) RETURNS jsonb
      LANGUAGE sql IMMUTABLE SECURITY INVOKER AS $$
        SELECT CASE WHEN diff = '{}'::jsonb THEN NULL ELSE jsonb_build_object(
                 'action', action, 'subjectType', subject_type, 'subjectId', after->>'id',
                 'fields', (SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(diff) k), 'changes', diff) END
          FROM (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('before', before->k, 'after', after->k)), '{}'::jsonb) AS diff
                  FROM jsonb_object_keys(after) AS k
                 WHERE coalesce(before->k, 'null') IS DISTINCT FROM coalesce(after->k, 'null') AND k NOT IN ('version', 'updated_at', 'created_at')) d
      $$`);
    await q.query(`DROP FUNCTION audit_subject_authorities(text, uuid)`);
    await q.query(`DROP TABLE audit_digest_key`);
    await q.query(`DROP TABLE audit_column_classes`);
  }
}
