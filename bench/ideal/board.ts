import type { Pool } from 'pg';
import { MONTHLY_ADOPTERS } from '../../src/board/board-queries';
import { CHARACTERISTICS } from '../../src/board/board.types';
import { monthPeriod } from '../../src/board/months';
import { reportingPeriod } from '../../src/board/reporting-periods';
import { protectTimeliness, type AdoptionsRow } from '../../src/board/timeliness-disclosure';
import { protectWaiting, type WaitingCountRow } from '../../src/board/waiting-disclosure';

/** The API's default scorecard thresholds (A1_THRESHOLD_DAYS, A2_THRESHOLD_DAYS; none for A10). */
const THRESHOLDS = { a1Days: 426, a2Days: 121, a10Days: null };

/** $1 first day, $2 first day of the last month, $3 last day. */
const BY_AUTHORITY = `
  WITH months AS (
    SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series($1::date, $2::date, interval '1 month') AS m
  ), grid AS (
    SELECT months.month, a::text AS authority FROM months CROSS JOIN unnest(enum_range(NULL::authority)) AS a
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
    SELECT 'progressed', authority::text, to_char(received_on, 'YYYY-MM'), count(*)
      FROM support_requests WHERE advice_line_call_on IS NOT NULL AND received_on BETWEEN $1 AND $3 GROUP BY 2, 3
    UNION ALL
    SELECT 'assessment', authority::text, to_char(completed_on, 'YYYY-MM'), count(*)
      FROM support_assessments WHERE completed_on BETWEEN $1 AND $3 GROUP BY 2, 3
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
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'match'), 0)::int AS matches,
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'support'), 0)::int AS "supportRequests",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'progressed'), 0)::int AS "supportRequestsProgressed",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'assessment'), 0)::int AS "supportAssessmentsCompleted",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int AS "earlyPermanencePlacements",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int AS disruptions,
         EXISTS (SELECT 1 FROM illustrative_counts i
                  WHERE i.measure = 'EARLY_PERMANENCE_BY_AUTHORITY'
                    AND to_char(i.first_day, 'YYYY-MM') <= g.month AND to_char(i.last_day, 'YYYY-MM') >= g.month)
           AS "earlyPermanenceIllustrative"
    FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
   GROUP BY g.month, g.authority ORDER BY g.month, g.authority`;

/** The adopters' months with the children placed for adoption, and those placed with other agencies' adopters. */
const MONTHLY_PARTNERSHIP = `
  WITH placed AS (
    SELECT to_char(coalesce(p.converted_on, p.placed_on), 'YYYY-MM') AS month, h.approving_agency IS NOT NULL AS elsewhere
      FROM placements p JOIN households h ON h.id = p.household_id
     WHERE p.kind = 'ADOPTIVE' AND coalesce(p.converted_on, p.placed_on) BETWEEN $1 AND $3
  )
  SELECT a.*, count(x.month)::int AS "childrenPlaced", count(x.month) FILTER (WHERE x.elsewhere)::int AS "placedWithOtherAgencyAdopters"
    FROM (${MONTHLY_ADOPTERS}) a LEFT JOIN placed x ON x.month = a.month
   GROUP BY a.month, a."adopterApprovals", a."householdsWithdrawn" ORDER BY a.month`;

/** Children with a placement order (not consent), not placed for adoption, still looked after for adoption, on day $1. */
const WAITING_ON = `
  SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
    FROM children c
    JOIN placement_orders po ON po.child_id = c.id AND po.basis = 'PLACEMENT_ORDER' AND po.granted_on <= $1::date
   WHERE NOT EXISTS (SELECT 1 FROM placements p
                      WHERE p.child_id = c.id AND p.kind = 'ADOPTIVE' AND coalesce(p.converted_on, p.placed_on) <= $1::date
                        AND (p.ended_on IS NULL OR p.ended_on > $1::date))
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > $1::date)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > $1::date)`;

/**
 * $1 last day, $2 the characteristics: whole counts for `protectWaiting`. The waiting children are grouped by
 * what the categories depend on (age band, ethnicity, a disability recorded) so that board_waiting_category
 * runs per group rather than per child; rows without a characteristic are each authority's children and days.
 */
const WAITING = `
  WITH groups AS MATERIALIZED (
    SELECT authority::text AS authority, board_waiting_category('AGE_BAND', $1::date, date_of_birth, NULL, NULL) AS age_band,
           ethnicity, coalesce(trim(disability), '') <> '' AS disabled, count(*) AS n, sum($1::date - order_on) AS days
      FROM (${WAITING_ON}) w GROUP BY 1, 2, 3, 4
  ), categorised AS (
    SELECT c.characteristic, g.authority, g.n,
           CASE c.characteristic WHEN 'AGE_BAND' THEN g.age_band
                ELSE board_waiting_category(c.characteristic, $1::date, NULL, g.ethnicity, CASE WHEN g.disabled THEN 'recorded' END) END AS category
      FROM groups g CROSS JOIN unnest($2::text[]) AS c(characteristic)
  )
  SELECT NULL AS characteristic, authority, NULL AS category, sum(n)::int AS children, sum(days)::float AS "daysWaiting"
    FROM groups GROUP BY authority
  UNION ALL
  SELECT characteristic, authority, category, sum(n)::int, NULL FROM categorised GROUP BY 1, 2, 3`;

/**
 * $1 first day, $2 last day of the financial year: per month and authority, the children adopted, the summed
 * days of the A1, A2 and A10 clocks and A3's children, for `protectTimeliness`, which decides over the whole year.
 */
const ADOPTIONS_BY_MONTH = `
  WITH adopted AS (
    SELECT c.authority, c.adoption_order_granted_on AS adopted_on,
           coalesce(p.converted_on, p.placed_on) - c.entered_care_on AS a1,
           -- greatest() passes over a NULL: without a placement order there is no A2, not 0.
           CASE WHEN po.granted_on IS NOT NULL AND d.decided_on IS NOT NULL THEN greatest(d.decided_on - po.granted_on, 0) END AS a2,
           coalesce(p.converted_on, p.placed_on) < c.entered_care_on + interval '14 months' AS a3,
           p.moved_in_on - c.entered_care_on AS a10
      FROM children c
      JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
      LEFT JOIN placement_orders po ON po.child_id = c.id AND po.basis = 'PLACEMENT_ORDER'
      LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
     WHERE c.adoption_order_granted_on BETWEEN $1 AND $2
  )
  SELECT to_char(adopted_on, 'YYYY-MM') AS month, authority::text AS authority, count(*)::int AS adopted,
         count(a1)::int AS "a1Children", coalesce(sum(a1), 0)::float AS "a1Days",
         count(a2)::int AS "a2Children", coalesce(sum(a2), 0)::float AS "a2Days",
         count(*) FILTER (WHERE a3)::int AS "a3Children",
         count(a10)::int AS "a10Children", coalesce(sum(a10), 0)::float AS "a10Days"
    FROM adopted GROUP BY 1, 2`;

/** `boardPerformance(from, to)` with every dataset: four statements, all at once. */
export async function board(pool: Pool, { from, to }: { from: string; to: string }) {
  const period = monthPeriod(from, to);
  const { year, id } = reportingPeriod(period);
  const rows = async <R>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as R[];
  const [byAuthority, partnership, waitingRows, adoptions] = await Promise.all([
    rows(BY_AUTHORITY, [period.firstDay, period.lastMonthStart, period.lastDay]),
    rows(MONTHLY_PARTNERSHIP, [period.firstDay, period.lastMonthStart, period.lastDay]),
    rows<WaitingCountRow>(WAITING, [period.lastDay, CHARACTERISTICS]),
    rows<AdoptionsRow>(ADOPTIONS_BY_MONTH, [year.firstDay, year.lastDay]),
  ]);
  const { totals, breakdowns } = protectWaiting(period.lastDay, waitingRows);
  return {
    boardPerformance: {
      from,
      to,
      byAuthority,
      partnership,
      childrenWaiting: totals,
      timeliness: protectTimeliness(year, id, adoptions, THRESHOLDS),
      byAge: breakdowns.get('AGE_BAND'),
      byEthnicity: breakdowns.get('ETHNICITY'),
      byDisability: breakdowns.get('DISABILITY'),
    },
  };
}
