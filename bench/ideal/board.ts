import type { Pool } from 'pg';
import { CATEGORIES, MONTHLY_PARTNERSHIP } from '../../src/board/board-queries';

/** The API's default scorecard thresholds (A2_THRESHOLD_DAYS, A10_THRESHOLD_DAYS). */
const A2_DAYS = 121;
const A10_DAYS = 426;
const SCOPES = ['BEXLEY', 'KENT', 'MEDWAY', null] as const;

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
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int AS "earlyPermanencePlacements",
         coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int AS disruptions
    FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
   GROUP BY g.month, g.authority ORDER BY g.month, g.authority`;

/** Children with authority to place but no approving match decision, still looked after for adoption, on day $1. */
const WAITING_ON = `
  SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
    FROM children c JOIN placement_orders po ON po.child_id = c.id AND po.granted_on <= $1::date
   WHERE NOT EXISTS (SELECT 1 FROM child_decisions d
                      WHERE d.child_id = c.id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on <= $1::date)
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > $1::date)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > $1::date)`;

/**
 * $1 last day, $2 the characteristics. The waiting children are found once for all four datasets: their
 * totals per authority and for the partnership (ROLLUP), and their counts per category (GROUPING SETS).
 * They are grouped by what the categories depend on (age in years, ethnicity, a disability recorded)
 * before board_waiting_category runs, so that it runs per group rather than per child.
 */
const WAITING = `
  WITH waiting AS MATERIALIZED (
    SELECT authority::text AS authority, date_of_birth, ethnicity, disability, order_on FROM (${WAITING_ON}) w
  ), totals AS (
    SELECT authority, count(*)::int AS children, round(avg($1::date - order_on), 1)::float AS "averageDaysWaiting"
      FROM waiting GROUP BY ROLLUP (authority)
  ), groups AS (
    SELECT authority, date_part('year', age($1::date, date_of_birth))::int AS years, ethnicity,
           coalesce(trim(disability), '') <> '' AS disabled, count(*) AS n
      FROM waiting GROUP BY 1, 2, 3, 4
  ), categorised AS (
    SELECT g.authority, c.characteristic, g.n,
           board_waiting_category(c.characteristic, $1::date, ($1::date - make_interval(years => g.years))::date, g.ethnicity,
                                  CASE WHEN g.disabled THEN 'recorded' END) AS category
      FROM groups g CROSS JOIN unnest($2::text[]) AS c(characteristic)
  ), counts AS (
    SELECT characteristic, authority, category, sum(n)::int AS n
      FROM categorised GROUP BY GROUPING SETS ((characteristic, authority, category), (characteristic, category))
  )
  SELECT (SELECT json_agg(totals) FROM totals) AS totals, (SELECT coalesce(json_agg(counts), '[]') FROM counts) AS counts`;

type Characteristic = keyof typeof CATEGORIES;
type CategoryCount = { characteristic: Characteristic; authority: string | null; category: string; n: number };

/** Every scope × category of `characteristic` in the API's order, counts from 1 to 5 suppressed. */
function byCategory(counts: CategoryCount[], characteristic: Characteristic) {
  const found = new Map(counts.filter((c) => c.characteristic === characteristic).map((c) => [`${c.authority}|${c.category}`, c.n]));
  return SCOPES.flatMap((authority) =>
    CATEGORIES[characteristic].map((category) => {
      const n = found.get(`${authority}|${category}`) ?? 0;
      const suppressed = n >= 1 && n <= 5;
      return { authority, category, count: suppressed ? null : n, suppressed };
    }),
  );
}

/** $1 first day, $2 last day: children adopted in the period, with the averages of the A2 and A10 clocks. */
const TIMELINESS = `
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

type ByScope = { authority: string | null };

/** Every authority and the partnership (null), in that order, filling scopes without rows. */
function everyScope<T extends ByScope>(rows: T[], empty: (authority: string | null) => T): T[] {
  return SCOPES.map((authority) => rows.find((r) => r.authority === authority) ?? empty(authority));
}

/** `boardPerformance(from, to)` with every dataset: four statements, all at once. */
export async function board(pool: Pool, { from, to }: { from: string; to: string }) {
  const [year, month] = to.split('-').map(Number) as [number, number];
  const firstDay = `${from}-01`;
  const lastMonthStart = `${to}-01`;
  const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const rows = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows;
  const [byAuthority, partnership, [waiting], timeliness] = await Promise.all([
    rows(BY_AUTHORITY, [firstDay, lastMonthStart, lastDay]),
    rows(MONTHLY_PARTNERSHIP, [firstDay, lastMonthStart, lastDay]),
    rows(WAITING, [lastDay, Object.keys(CATEGORIES)]),
    rows(TIMELINESS, [firstDay, lastDay]),
  ]);
  type Waiting = ByScope & { children: number; averageDaysWaiting: number | null };
  type Timeliness = ByScope & { childrenAdopted: number; a2AverageDays: number | null; a10AverageDays: number | null };
  const { totals, counts } = waiting as { totals: Waiting[]; counts: CategoryCount[] };
  return {
    boardPerformance: {
      from,
      to,
      byAuthority,
      partnership,
      childrenWaiting: everyScope(totals, (authority) => ({ authority, children: 0, averageDaysWaiting: null })),
      timeliness: everyScope(timeliness as Timeliness[], (authority) => ({ authority, childrenAdopted: 0, a2AverageDays: null, a10AverageDays: null })).map(
        (row) => ({
          ...row,
          a2ThresholdDays: A2_DAYS,
          a10ThresholdDays: A10_DAYS,
          a2WithinThreshold: row.a2AverageDays === null ? null : row.a2AverageDays <= A2_DAYS,
          a10WithinThreshold: row.a10AverageDays === null ? null : row.a10AverageDays <= A10_DAYS,
        }),
      ),
      byAge: byCategory(counts, 'AGE_BAND'),
      byEthnicity: byCategory(counts, 'ETHNICITY'),
      byDisability: byCategory(counts, 'DISABILITY'),
    },
  };
}
