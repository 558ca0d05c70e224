/**
 * The board's aggregates, each one SQL statement (GROUP BY over indexed milestone dates), counted
 * from the records themselves. Months are calendar months of the recorded dates (UK dates).
 */

/** $1 first day, $2 first day of the last month, $3 last day. */
export const MONTHLY_BY_AUTHORITY = `
  WITH months AS (
    SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series($1::date, $2::date, interval '1 month') AS m
  ), grid AS (
    SELECT month, a::text AS authority FROM months CROSS JOIN unnest(enum_range(NULL::authority)) AS a
  ), counts AS (
    SELECT 'plan' AS measure, authority::text AS authority, to_char(decided_on, 'YYYY-MM') AS month, count(*) AS n
      FROM child_decisions WHERE kind = 'ADOPTION_PLAN' AND decided_on BETWEEN $1 AND $3 GROUP BY 2, 3
    UNION ALL
    SELECT 'order', authority::text, to_char(granted_on, 'YYYY-MM'), count(*)
      FROM placement_orders WHERE basis = 'PLACEMENT_ORDER' AND granted_on BETWEEN $1 AND $3 GROUP BY 2, 3
    UNION ALL
    SELECT 'match', authority::text, to_char(decided_on, 'YYYY-MM'), count(*)
      FROM child_decisions WHERE kind = 'MATCH' AND outcome = 'APPROVED' AND decided_on BETWEEN $1 AND $3 GROUP BY 2, 3
    UNION ALL
    SELECT 'support', authority::text, to_char(received_on, 'YYYY-MM'), count(*)
      FROM support_requests WHERE received_on BETWEEN $1 AND $3 GROUP BY 2, 3
    UNION ALL
    SELECT 'early', authority::text, to_char(placed_on, 'YYYY-MM'), count(*)
      FROM placements WHERE (kind = 'EARLY_PERMANENCE' OR converted_on IS NOT NULL) AND placed_on BETWEEN $1 AND $3 GROUP BY 2, 3
    UNION ALL
    SELECT 'disruption', authority::text, to_char(disrupted_on, 'YYYY-MM'), count(*)
      FROM disruptions WHERE disrupted_on BETWEEN $1 AND $3 GROUP BY 2, 3
  )
  SELECT g.month, g.authority,
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'plan'), 0)::int AS "adoptionPlanDecisions",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'order'), 0)::int AS "placementOrders",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'match'), 0)::int AS "matches",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'support'), 0)::int AS "supportRequests",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int AS "earlyPermanencePlacements",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int AS "disruptions"
    FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
   GROUP BY g.month, g.authority
   ORDER BY g.month, g.authority`;

/** $1 first day, $2 first day of the last month, $3 last day. */
export const MONTHLY_PARTNERSHIP = `
  WITH months AS (
    SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series($1::date, $2::date, interval '1 month') AS m
  ), counts AS (
    SELECT 'approval' AS measure, to_char(decided_on, 'YYYY-MM') AS month, count(*) AS n
      FROM household_decisions WHERE outcome = 'APPROVED' AND decided_on BETWEEN $1 AND $3 GROUP BY 2
    UNION ALL
    SELECT 'withdrawal', to_char(entered_on, 'YYYY-MM'), count(*)
      FROM household_stage_events WHERE stage = 'WITHDRAWN' AND entered_on BETWEEN $1 AND $3 GROUP BY 2
  )
  SELECT m.month,
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'approval'), 0)::int AS "adopterApprovals",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'withdrawal'), 0)::int AS "householdsWithdrawn"
    FROM months m LEFT JOIN counts c ON c.month = m.month
   GROUP BY m.month ORDER BY m.month`;

/** Children with authority to place but no approving match decision, still looked after for adoption, on day $1. */
const WAITING_ON = `
  SELECT c.*, po.granted_on AS order_on
    FROM children c JOIN placement_orders po ON po.child_id = c.id AND po.granted_on <= $1
   WHERE NOT EXISTS (SELECT 1 FROM child_decisions d
                      WHERE d.child_id = c.id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on <= $1)
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > $1)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > $1)`;

/** $1 last day of the period. One row per authority with a child waiting, and the partnership (authority null). */
export const CHILDREN_WAITING = `
  WITH waiting AS (${WAITING_ON})
  SELECT authority::text AS authority, count(*)::int AS children, round(avg($1::date - order_on), 1)::float AS "averageDaysWaiting"
    FROM waiting GROUP BY ROLLUP (authority)`;

/** The category of a waiting child for each characteristic ($1 is the last day of the period). */
export const CATEGORY_OF = {
  AGE_BAND: `CASE WHEN date_part('year', age($1::date, date_of_birth)) < 1 THEN 'Under 1'
                  WHEN date_part('year', age($1::date, date_of_birth)) < 5 THEN '1 to 4'
                  WHEN date_part('year', age($1::date, date_of_birth)) < 10 THEN '5 to 9'
                  WHEN date_part('year', age($1::date, date_of_birth)) < 16 THEN '10 to 15'
                  ELSE '16 and over' END`,
  ETHNICITY: `CASE WHEN coalesce(trim(ethnicity), '') = '' THEN 'Not recorded'
                   WHEN ethnicity ILIKE 'White and%' OR ethnicity ILIKE 'Mixed%' THEN 'Mixed or multiple'
                   WHEN ethnicity ILIKE 'White%' OR ethnicity ILIKE '%Gypsy%' OR ethnicity ILIKE '%Roma%'
                     OR ethnicity ILIKE '%Traveller%' THEN 'White'
                   WHEN ethnicity ILIKE '%Asian%' THEN 'Asian or Asian British'
                   WHEN ethnicity ILIKE '%Black%' THEN 'Black or Black British'
                   ELSE 'Other ethnic group' END`,
  DISABILITY: `CASE WHEN coalesce(trim(disability), '') = '' THEN 'No disability recorded' ELSE 'Disabled' END`,
} as const;

export const CATEGORIES = {
  AGE_BAND: ['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'],
  ETHNICITY: ['White', 'Mixed or multiple', 'Asian or Asian British', 'Black or Black British', 'Other ethnic group', 'Not recorded'],
  DISABILITY: ['Disabled', 'No disability recorded'],
} as const;

/**
 * Children waiting by a characteristic, per authority and for the partnership (authority null), every
 * category shown; counts from 1 to 5 are suppressed in the statement itself, so they never leave the database.
 * $1 last day, $2 the categories.
 */
export function waitingByCharacteristic(characteristic: keyof typeof CATEGORY_OF): string {
  return `
  WITH waiting AS (SELECT authority::text AS authority, ${CATEGORY_OF[characteristic]} AS category FROM (${WAITING_ON}) w),
  scopes AS (SELECT a::text AS authority FROM unnest(enum_range(NULL::authority)) a UNION ALL SELECT NULL),
  grid AS (SELECT s.authority, c.category, ordinality FROM scopes s CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS c(category, ordinality)),
  counted AS (
    SELECT g.authority, g.category, g.ordinality,
           (SELECT count(*) FROM waiting w WHERE w.category = g.category AND (g.authority IS NULL OR w.authority = g.authority))::int AS n
      FROM grid g)
  SELECT authority, category, CASE WHEN n BETWEEN 1 AND 5 THEN NULL ELSE n END AS count, n BETWEEN 1 AND 5 AS suppressed
    FROM counted ORDER BY authority NULLS LAST, ordinality`;
}

/** $1 first day, $2 last day: children adopted in the period, with the dates of the A2 and A10 clocks. */
export const TIMELINESS = `
  WITH adopted AS (
    SELECT c.authority, c.entered_care_on, po.granted_on AS order_on, d.decided_on AS matched_on, p.moved_in_on
      FROM children c
      JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
      LEFT JOIN placement_orders po ON po.child_id = c.id
      LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
     WHERE c.adoption_order_granted_on BETWEEN $1 AND $2
  )
  SELECT authority::text AS authority, count(*)::int AS "childrenAdopted",
         round(avg(greatest(matched_on - order_on, 0)), 1)::float AS "a2AverageDays",
         round(avg(moved_in_on - entered_care_on), 1)::float AS "a10AverageDays"
    FROM adopted GROUP BY ROLLUP (authority)`;

export const POOLED_BUDGET = `
  SELECT y.financial_year AS "financialYear", y.operating_budget::float AS "operatingBudget", y.spend::float AS spend,
         y.underspend_treatment AS "underspendTreatment", c.authority::text AS authority,
         c.contribution::float AS contribution, c.underspend_share::float AS "underspendShare"
    FROM budget_years y JOIN budget_contributions c USING (financial_year)
   WHERE $1::text IS NULL OR y.financial_year = $1
   ORDER BY y.financial_year DESC, c.authority`;
