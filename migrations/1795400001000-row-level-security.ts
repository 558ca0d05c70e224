import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows belong to one partner authority (the tenant), by the column that names it. */
export const TENANT_TABLES = [
  'children',
  'family_finder_allocations',
  'child_decisions',
  'placement_orders',
  'matches',
  'placements',
  'disruptions',
  'support_requests',
  'support_assessments',
] as const;

/** The partnership's own records: readable only inside a request that has said who is asking. */
const STAFF_ONLY_TABLES = [
  'households',
  'household_stage_events',
  'household_decisions',
  'panels',
  'panel_meetings',
  'report_quality_feedback',
  'budget_years',
  'budget_contributions',
] as const;

/**
 * Defence in depth (docs/architecture.md, "Database roles and Row-Level Security"). Every request runs as
 * `apse_app`, a NOLOGIN role that owns nothing, with its tenant in transaction-local settings; Row-Level
 * Security, enabled and forced, restates the tenant dimension, so a resolver that forgot its policy still
 * reads nothing of another authority.
 * With no settings, no rows. The board's aggregates are SECURITY DEFINER functions owned by
 * `apse_reporting`, the one role that may read every authority's rows, and they return counts only.
 *
 * Roles are cluster-wide: created here when missing (where the migration login may), otherwise by the
 * database administrator beforehand (README, "Production database").
 */
export class RowLevelSecurity1795400001000 implements MigrationInterface {
  name = 'RowLevelSecurity1795400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'apse_app') THEN CREATE ROLE apse_app NOLOGIN; END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'apse_reporting') THEN CREATE ROLE apse_reporting NOLOGIN; END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO apse_app, apse_reporting`);

    // The request's settings, read once per statement (a sub-select around them makes them an InitPlan).
    await q.query(`
      CREATE FUNCTION app_authorities() RETURNS authority[] LANGUAGE sql STABLE AS $$
        SELECT string_to_array(nullif(current_setting('app.authorities', true), ''), ',')::authority[]
      $$`);
    await q.query(`
      CREATE FUNCTION app_staff_id() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('app.staff_id', true), '')::uuid
      $$`);
    await q.query(`
      CREATE FUNCTION app_has_role(role text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.roles', true), '') ~ ('(^|,)' || role || ':')
      $$`);

    await q.query(`GRANT SELECT ON staff, role_assignments TO apse_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_windows TO apse_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${[...TENANT_TABLES, ...STAFF_ONLY_TABLES, 'agenda_items'].join(', ')} TO apse_app`);
    await q.query(`GRANT SELECT ON ${[...TENANT_TABLES, 'agenda_items'].join(', ')} TO apse_reporting`);
    await q.query(`CREATE INDEX child_decisions_authority_idx ON child_decisions (authority)`);
    await q.query(`CREATE INDEX agenda_items_child_authority_idx ON agenda_items (child_authority)`);

    for (const table of TENANT_TABLES) {
      await forceRowLevelSecurity(q, table);
      await q.query(`
        CREATE POLICY tenant ON ${table} TO apse_app
          USING (authority = ANY ((SELECT app_authorities())::authority[]))
          WITH CHECK (authority = ANY ((SELECT app_authorities())::authority[]))`);
      await q.query(`CREATE POLICY board_aggregates ON ${table} FOR SELECT TO apse_reporting USING (true)`);
    }
    for (const table of STAFF_ONLY_TABLES) {
      await forceRowLevelSecurity(q, table);
      await q.query(`CREATE POLICY staff_only ON ${table} TO apse_app USING ((SELECT app_staff_id()) IS NOT NULL)`);
    }
    // An agenda item about a child belongs to the child's authority; one about a household to the partnership.
    await forceRowLevelSecurity(q, 'agenda_items');
    await q.query(`
      CREATE POLICY tenant ON agenda_items TO apse_app
        USING ((SELECT app_staff_id()) IS NOT NULL AND (child_authority IS NULL OR child_authority = ANY ((SELECT app_authorities())::authority[])))
        WITH CHECK ((SELECT app_staff_id()) IS NOT NULL AND (child_authority IS NULL OR child_authority = ANY ((SELECT app_authorities())::authority[])))`);
    await q.query(`CREATE POLICY board_aggregates ON agenda_items FOR SELECT TO apse_reporting USING (true)`);

    // The access log: appended to only through audit_append (its owner writes), read only by auditors.
    await q.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
    await q.query(`GRANT SELECT ON audit_events TO apse_app`);
    await q.query(`CREATE POLICY auditors_read ON audit_events FOR SELECT TO apse_app USING ((SELECT app_has_role('AUDITOR')))`);
    await q.query(`REVOKE EXECUTE ON FUNCTION audit_append(jsonb), audit_verify() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO apse_app`);

    await createBoardFunctions(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of BOARD_FUNCTIONS) await q.query(`DROP FUNCTION ${fn}`);
    await q.query(`DROP FUNCTION board_waiting_category(text, date, date, text, text)`);
    await q.query(`DROP FUNCTION board_reader_only()`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_append(jsonb), audit_verify() TO PUBLIC`);
    await q.query(`DROP POLICY auditors_read ON audit_events`);
    await q.query(`ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY`);
    for (const table of [...TENANT_TABLES, 'agenda_items']) {
      await q.query(`DROP POLICY tenant ON ${table}`);
      await q.query(`DROP POLICY board_aggregates ON ${table}`);
    }
    for (const table of STAFF_ONLY_TABLES) await q.query(`DROP POLICY staff_only ON ${table}`);
    for (const table of [...TENANT_TABLES, ...STAFF_ONLY_TABLES, 'agenda_items']) {
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP INDEX agenda_items_child_authority_idx`);
    await q.query(`DROP INDEX child_decisions_authority_idx`);
    // The roles may serve other databases of the cluster: only this database's grants go.
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM apse_app, apse_reporting`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM apse_app, apse_reporting`);
    await q.query(`DROP FUNCTION app_has_role(text)`);
    await q.query(`DROP FUNCTION app_staff_id()`);
    await q.query(`DROP FUNCTION app_authorities()`);
  }
}

async function forceRowLevelSecurity(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
}

const BOARD_FUNCTIONS = [
  'board_monthly_by_authority(date, date, date)',
  'board_children_waiting(date)',
  'board_waiting_by_characteristic(text, date, text[])',
  'board_timeliness(date, date)',
];

/** Children with authority to place but no approving match decision, still looked after for adoption, on day $1. */
const WAITING_ON = `
  SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
    FROM children c JOIN placement_orders po ON po.child_id = c.id AND po.granted_on <= day
   WHERE NOT EXISTS (SELECT 1 FROM child_decisions d
                      WHERE d.child_id = c.id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on <= day)
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > day)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > day)`;

/**
 * The board's aggregates over every authority's children, counts and averages only. Each runs as
 * apse_reporting and first checks that the request is a board director's (app.roles).
 */
async function createBoardFunctions(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE FUNCTION board_reader_only() RETURNS void LANGUAGE plpgsql STABLE AS $$
    BEGIN
      IF NOT app_has_role('BOARD_DIRECTOR') THEN
        RAISE EXCEPTION 'board aggregates are for board directors' USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $$`);

  await q.query(`
    CREATE FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date)
    RETURNS TABLE (month text, authority text, "adoptionPlanDecisions" int, "placementOrders" int, matches int,
                   "supportRequests" int, "earlyPermanencePlacements" int, disruptions int)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      WITH months AS (
        SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(first_day, last_month, interval '1 month') AS m
      ), grid AS (
        SELECT months.month, a::text AS authority FROM months CROSS JOIN unnest(enum_range(NULL::authority)) AS a
      ), counts AS (
        SELECT 'plan' AS measure, d.authority::text AS authority, to_char(d.decided_on, 'YYYY-MM') AS month, count(*) AS n
          FROM child_decisions d WHERE d.kind = 'ADOPTION_PLAN' AND d.decided_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'order', o.authority::text, to_char(o.granted_on, 'YYYY-MM'), count(*)
          FROM placement_orders o WHERE o.basis = 'PLACEMENT_ORDER' AND o.granted_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'match', d.authority::text, to_char(d.decided_on, 'YYYY-MM'), count(*)
          FROM child_decisions d WHERE d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'support', s.authority::text, to_char(s.received_on, 'YYYY-MM'), count(*)
          FROM support_requests s WHERE s.received_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'early', p.authority::text, to_char(p.placed_on, 'YYYY-MM'), count(*)
          FROM placements p WHERE (p.kind = 'EARLY_PERMANENCE' OR p.converted_on IS NOT NULL) AND p.placed_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'disruption', x.authority::text, to_char(x.disrupted_on, 'YYYY-MM'), count(*)
          FROM disruptions x WHERE x.disrupted_on BETWEEN first_day AND last_day GROUP BY 2, 3
      )
      SELECT g.month, g.authority,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'plan'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'order'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'match'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'support'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int
        FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
       GROUP BY g.month, g.authority
       ORDER BY g.month, g.authority;
    END $$`);

  await q.query(`
    CREATE FUNCTION board_children_waiting(day date)
    RETURNS TABLE (authority text, children int, "averageDaysWaiting" float)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      WITH waiting AS (${WAITING_ON})
      SELECT w.authority::text, count(*)::int, round(avg(day - w.order_on), 1)::float
        FROM waiting w GROUP BY ROLLUP (w.authority);
    END $$`);

  // The category of a waiting child for each characteristic.
  await q.query(`
    CREATE FUNCTION board_waiting_category(characteristic text, day date, date_of_birth date, ethnicity text, disability text)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE characteristic
        WHEN 'AGE_BAND' THEN
          CASE WHEN date_part('year', age(day, date_of_birth)) < 1 THEN 'Under 1'
               WHEN date_part('year', age(day, date_of_birth)) < 5 THEN '1 to 4'
               WHEN date_part('year', age(day, date_of_birth)) < 10 THEN '5 to 9'
               WHEN date_part('year', age(day, date_of_birth)) < 16 THEN '10 to 15'
               ELSE '16 and over' END
        WHEN 'ETHNICITY' THEN
          CASE WHEN coalesce(trim(ethnicity), '') = '' THEN 'Not recorded'
               WHEN ethnicity ILIKE 'White and%' OR ethnicity ILIKE 'Mixed%' THEN 'Mixed or multiple'
               WHEN ethnicity ILIKE 'White%' OR ethnicity ILIKE '%Gypsy%' OR ethnicity ILIKE '%Roma%'
                 OR ethnicity ILIKE '%Traveller%' THEN 'White'
               WHEN ethnicity ILIKE '%Asian%' THEN 'Asian or Asian British'
               WHEN ethnicity ILIKE '%Black%' THEN 'Black or Black British'
               ELSE 'Other ethnic group' END
        WHEN 'DISABILITY' THEN
          CASE WHEN coalesce(trim(disability), '') = '' THEN 'No disability recorded' ELSE 'Disabled' END
      END
    $$`);

  // Every category shown, per authority and for the partnership (authority null); counts from 1 to 5 are
  // suppressed here, so they never leave the database.
  await q.query(`
    CREATE FUNCTION board_waiting_by_characteristic(characteristic text, day date, categories text[])
    RETURNS TABLE (authority text, category text, count int, suppressed boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      WITH waiting AS MATERIALIZED (
        SELECT w.authority::text AS authority,
               board_waiting_category(characteristic, day, w.date_of_birth, w.ethnicity, w.disability) AS category
          FROM (${WAITING_ON}) w
      ), tallies AS (
        SELECT t.authority, t.category, count(*)::int AS n FROM waiting t GROUP BY GROUPING SETS ((t.authority, t.category), (t.category))
      ), scopes AS (
        SELECT a::text AS authority FROM unnest(enum_range(NULL::authority)) a UNION ALL SELECT NULL
      ), counted AS (
        SELECT s.authority, c.category, c.ordinality, coalesce(t.n, 0) AS n
          FROM scopes s CROSS JOIN unnest(categories) WITH ORDINALITY AS c(category, ordinality)
          LEFT JOIN tallies t ON t.authority IS NOT DISTINCT FROM s.authority AND t.category = c.category
      )
      SELECT x.authority, x.category, CASE WHEN x.n BETWEEN 1 AND 5 THEN NULL ELSE x.n END, x.n BETWEEN 1 AND 5
        FROM counted x ORDER BY x.authority NULLS LAST, x.ordinality;
    END $$`);

  await createTimeliness(q);

  for (const fn of BOARD_FUNCTIONS) {
    await q.query(`ALTER FUNCTION ${fn} OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO apse_app`);
  }
}

/** Children adopted in the period, with the dates of the A2 and A10 clocks (also the down of 1795400002700). */
export async function createTimeliness(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE FUNCTION board_timeliness(first_day date, last_day date)
    RETURNS TABLE (authority text, "childrenAdopted" int, "a2AverageDays" float, "a10AverageDays" float)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      WITH adopted AS (
        SELECT c.authority, c.entered_care_on, po.granted_on AS order_on, d.decided_on AS matched_on, p.moved_in_on
          FROM children c
          JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
          LEFT JOIN placement_orders po ON po.child_id = c.id
          LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
         WHERE c.adoption_order_granted_on BETWEEN first_day AND last_day
      )
      SELECT a.authority::text, count(*)::int, round(avg(greatest(a.matched_on - a.order_on, 0)), 1)::float,
             round(avg(a.moved_in_on - a.entered_care_on), 1)::float
        FROM adopted a GROUP BY ROLLUP (a.authority);
    END $$`);
}
