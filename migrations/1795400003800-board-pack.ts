import type { MigrationInterface, QueryRunner } from 'typeorm';

const WAITING_CHILDREN = 'board_waiting_children(date)';
const MONTHLY = 'board_monthly_by_authority(date, date, date)';
const ADOPTIONS = 'board_adoptions_by_month(date, date)';
const PLACEMENTS = 'board_placements_by_month(date, date, date)';
/** The day a placement became the adoptive placement: an early-permanence placement converts in place. */
const PLACED_FOR_ADOPTION = 'coalesce(p.converted_on, p.placed_on)';

/**
 * The board pack (docs/domain.md, "What the Board reads"):
 *  - the children waiting are those the ASGLB counts: with a court's placement order (not consent), not placed for
 *    adoption on the day (a disrupted placement puts the child back); they were those with no match decision;
 *  - A2 runs from the placement order only (it ran from consent too); A1 and A3 join it and A10;
 *  - the advice-line calls that followed a call for support, and the support assessments completed, by month;
 *  - a household's approving agency when it is not the partnership, and the children placed with such households;
 *  - the underspend's treatment may be not yet decided; figures the papers do not publish are marked illustrative.
 */
export class BoardPack1795400003800 implements MigrationInterface {
  name = 'BoardPack1795400003800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE households ADD COLUMN approving_agency text CHECK (btrim(approving_agency) <> '')`);
    // The board counts placements with other agencies' adopters as apse_reporting: that column and the key only.
    await q.query(`GRANT SELECT (id, approving_agency) ON households TO apse_reporting`);
    await q.query(`CREATE POLICY board_aggregates ON households FOR SELECT TO apse_reporting USING (true)`);

    // A new type with the third value: a value added to the old type could not be used before this transaction commits.
    await q.query(`CREATE TYPE underspend_decision AS ENUM ('ROLLED_FORWARD', 'RETURNED', 'NOT_DECIDED')`);
    await q.query(`
      ALTER TABLE budget_years
        ALTER COLUMN underspend_treatment TYPE underspend_decision
          USING coalesce(underspend_treatment::text, 'NOT_DECIDED')::underspend_decision,
        ALTER COLUMN underspend_treatment SET DEFAULT 'NOT_DECIDED',
        ALTER COLUMN underspend_treatment SET NOT NULL,
        ADD COLUMN illustrative boolean NOT NULL DEFAULT false`);
    await q.query(`DROP TYPE underspend_treatment`);
    await q.query(`ALTER TYPE underspend_decision RENAME TO underspend_treatment`);
    await q.query(`
      ALTER TABLE budget_contributions
        ADD COLUMN contribution_illustrative boolean NOT NULL DEFAULT false,
        ADD COLUMN underspend_share_illustrative boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE illustrative_counts (
        measure text NOT NULL CHECK (measure IN ('EARLY_PERMANENCE_BY_AUTHORITY')),
        first_day date NOT NULL,
        last_day date NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (measure, first_day),
        CHECK (first_day <= last_day)
      )`);
    await q.query(`GRANT SELECT ON illustrative_counts TO apse_app`);
    await q.query(`ALTER TABLE illustrative_counts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE illustrative_counts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY staff_only ON illustrative_counts TO apse_app USING ((SELECT app_staff_id()) IS NOT NULL)`);
    await q.query(`
      CREATE TRIGGER illustrative_counts_audit_change AFTER INSERT OR UPDATE OR DELETE ON illustrative_counts
        FOR EACH ROW EXECUTE FUNCTION audit_row_changed('IllustrativeCount')`);
    await q.query(`
      CREATE TRIGGER illustrative_counts_audit_truncate AFTER TRUNCATE ON illustrative_counts
        FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('IllustrativeCount')`);
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ('Household', 'approving_agency', 'case'), ('BudgetYear', 'illustrative', 'case'),
             ('BudgetContribution', 'contribution_illustrative', 'case'), ('BudgetContribution', 'underspend_share_illustrative', 'case'),
             ('IllustrativeCount', 'measure', 'case'), ('IllustrativeCount', 'first_day', 'case'),
             ('IllustrativeCount', 'last_day', 'case'), ('IllustrativeCount', 'reason', 'case')`);

    await q.query(`DROP FUNCTION ${MONTHLY}`);
    await q.query(`DROP FUNCTION ${ADOPTIONS}`);
    await q.query(`
      CREATE OR REPLACE FUNCTION board_waiting_children(day date)
      RETURNS TABLE (authority authority, date_of_birth date, ethnicity text, disability text, order_on date)
      LANGUAGE sql STABLE AS $$
           SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
             FROM children c
             JOIN placement_orders po ON po.child_id = c.id AND po.basis = 'PLACEMENT_ORDER' AND po.granted_on <= day
            WHERE NOT EXISTS (SELECT 1 FROM placements p
                               WHERE p.child_id = c.id AND p.kind = 'ADOPTIVE' AND ${PLACED_FOR_ADOPTION} <= day
                                 AND (p.ended_on IS NULL OR p.ended_on > day))
              AND (c.plan_changed_on IS NULL OR c.plan_changed_on > day)
              AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > day)
         $$`);
    await q.query(`
      CREATE FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date)
      RETURNS TABLE (month text, authority text, "adoptionPlanDecisions" int, "placementOrders" int, matches int,
                     "supportRequests" int, "supportRequestsProgressed" int, "supportAssessmentsCompleted" int,
                     "earlyPermanencePlacements" int, disruptions int)
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
           -- In the month the call for support came in, so that it is a part of that month's calls.
           SELECT 'progressed', s.authority::text, to_char(s.received_on, 'YYYY-MM'), count(*)
             FROM support_requests s
            WHERE s.advice_line_call_on IS NOT NULL AND s.received_on BETWEEN first_day AND last_day GROUP BY 2, 3
           UNION ALL
           SELECT 'assessment', a.authority::text, to_char(a.completed_on, 'YYYY-MM'), count(*)
             FROM support_assessments a WHERE a.completed_on BETWEEN first_day AND last_day GROUP BY 2, 3
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
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'progressed'), 0)::int,
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'assessment'), 0)::int,
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int,
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int
           FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
          GROUP BY g.month, g.authority
          ORDER BY g.month, g.authority;
       END $$`);
    await q.query(`
      CREATE FUNCTION board_placements_by_month(first_day date, last_month date, last_day date)
      RETURNS TABLE (month text, "childrenPlaced" int, "placedWithOtherAgencyAdopters" int)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
       #variable_conflict use_column
       BEGIN
         PERFORM board_reader_only();
         RETURN QUERY
         WITH months AS (
           SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(first_day, last_month, interval '1 month') AS m
         ), placed AS (
           SELECT to_char(${PLACED_FOR_ADOPTION}, 'YYYY-MM') AS month, h.approving_agency IS NOT NULL AS elsewhere
             FROM placements p JOIN households h ON h.id = p.household_id
            WHERE p.kind = 'ADOPTIVE' AND ${PLACED_FOR_ADOPTION} BETWEEN first_day AND last_day
         )
         SELECT m.month, count(x.month)::int, count(x.month) FILTER (WHERE x.elsewhere)::int
           FROM months m LEFT JOIN placed x ON x.month = m.month
          GROUP BY m.month ORDER BY m.month;
       END $$`);
    // A1 stops on the day the child is placed for adoption, A10 on the day they moved in (with foster carers who adopt).
    await q.query(`
      CREATE FUNCTION board_adoptions_by_month(first_day date, last_day date)
      RETURNS TABLE (month text, authority text, adopted int, "a1Children" int, "a1Days" float, "a2Children" int, "a2Days" float,
                     "a3Children" int, "a10Children" int, "a10Days" float)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
       #variable_conflict use_column
       BEGIN
         PERFORM board_reader_only();
         RETURN QUERY
         WITH adopted AS (
           SELECT c.authority, c.adoption_order_granted_on AS adopted_on,
                  ${PLACED_FOR_ADOPTION} - c.entered_care_on AS a1,
                  -- greatest() passes over a NULL: without a placement order there is no A2, not 0.
                  CASE WHEN po.granted_on IS NOT NULL AND d.decided_on IS NOT NULL THEN greatest(d.decided_on - po.granted_on, 0) END AS a2,
                  ${PLACED_FOR_ADOPTION} < c.entered_care_on + interval '14 months' AS a3,
                  p.moved_in_on - c.entered_care_on AS a10
             FROM children c
             JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
             LEFT JOIN placement_orders po ON po.child_id = c.id AND po.basis = 'PLACEMENT_ORDER'
             LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
            WHERE c.adoption_order_granted_on BETWEEN first_day AND last_day
         )
         SELECT to_char(a.adopted_on, 'YYYY-MM'), a.authority::text, count(*)::int,
                count(a.a1)::int, coalesce(sum(a.a1), 0)::float, count(a.a2)::int, coalesce(sum(a.a2), 0)::float,
                count(*) FILTER (WHERE a.a3)::int, count(a.a10)::int, coalesce(sum(a.a10), 0)::float
           FROM adopted a GROUP BY 1, 2;
       END $$`);
    await reportingOnly(q, [MONTHLY, ADOPTIONS, PLACEMENTS]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${PLACEMENTS}`);
    await q.query(`DROP FUNCTION ${MONTHLY}`);
    await q.query(`DROP FUNCTION ${ADOPTIONS}`);
    await q.query(`DROP FUNCTION ${WAITING_CHILDREN}`);
    for (const sql of BEFORE) await q.query(sql);
    await q.query(`REVOKE EXECUTE ON FUNCTION ${WAITING_CHILDREN} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${WAITING_CHILDREN} TO apse_reporting`);
    await reportingOnly(q, [MONTHLY, ADOPTIONS]);

    await q.query(`
      DELETE FROM audit_column_classes
       WHERE subject_type = 'IllustrativeCount'
          OR (subject_type, column_name) IN (('Household', 'approving_agency'), ('BudgetYear', 'illustrative'),
               ('BudgetContribution', 'contribution_illustrative'), ('BudgetContribution', 'underspend_share_illustrative'))`);
    await q.query(`DROP TABLE illustrative_counts`);
    await q.query(`ALTER TABLE budget_contributions DROP COLUMN contribution_illustrative, DROP COLUMN underspend_share_illustrative`);
    await q.query(`CREATE TYPE underspend_decision AS ENUM ('ROLLED_FORWARD', 'RETURNED')`);
    await q.query(`
      ALTER TABLE budget_years
        DROP COLUMN illustrative,
        ALTER COLUMN underspend_treatment DROP NOT NULL,
        ALTER COLUMN underspend_treatment DROP DEFAULT,
        ALTER COLUMN underspend_treatment TYPE underspend_decision
          USING nullif(underspend_treatment::text, 'NOT_DECIDED')::underspend_decision`);
    await q.query(`DROP TYPE underspend_treatment`);
    await q.query(`ALTER TYPE underspend_decision RENAME TO underspend_treatment`);

    await q.query(`DROP POLICY board_aggregates ON households`);
    await q.query(`REVOKE SELECT (id, approving_agency) ON households FROM apse_reporting`);
    await q.query(`ALTER TABLE households DROP COLUMN approving_agency`);
  }
}

/** Owned by apse_reporting (the one role that reads every authority's rows), executed by the request role only. */
async function reportingOnly(q: QueryRunner, functions: string[]): Promise<void> {
  for (const fn of functions) {
    await q.query(`ALTER FUNCTION ${fn} OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO apse_app`);
  }
}

/** The functions as migration 1795400002800 made them, for `down`. */
const BEFORE = [
  `CREATE FUNCTION board_waiting_children(day date) RETURNS TABLE (authority authority, date_of_birth date, ethnicity text, disability text, order_on date)
   LANGUAGE sql STABLE AS $$
  SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
    FROM children c JOIN placement_orders po ON po.child_id = c.id AND po.granted_on <= day
   WHERE NOT EXISTS (SELECT 1 FROM child_decisions d
                      WHERE d.child_id = c.id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on <= day)
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > day)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > day)
      $$`,
  `CREATE FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date)
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
    END $$`,
  `CREATE FUNCTION board_adoptions_by_month(first_day date, last_day date)
   RETURNS TABLE (month text, authority text, adopted int, "a2Children" int, "a2Days" float, "a10Children" int, "a10Days" float)
   LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM board_reader_only();
        RETURN QUERY
        WITH adopted AS (
          SELECT c.authority, c.adoption_order_granted_on AS adopted_on,
                 greatest(d.decided_on - po.granted_on, 0) AS a2, p.moved_in_on - c.entered_care_on AS a10
            FROM children c
            JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
            LEFT JOIN placement_orders po ON po.child_id = c.id
            LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
           WHERE c.adoption_order_granted_on BETWEEN first_day AND last_day
        )
        SELECT to_char(a.adopted_on, 'YYYY-MM'), a.authority::text, count(*)::int,
               count(a.a2)::int, coalesce(sum(a.a2), 0)::float, count(a.a10)::int, coalesce(sum(a.a10), 0)::float
          FROM adopted a GROUP BY 1, 2;
      END $$`,
];
