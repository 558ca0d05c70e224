/**
 * The board's aggregates, each one SQL statement (GROUP BY over indexed milestone dates), counted
 * from the records themselves. Months are calendar months of the recorded dates (UK dates).
 */

/** $1 first day, $2 first day of the last month, $3 last day: the partnership's adopters (no tenant). */
export const MONTHLY_ADOPTERS = `
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

/** The adopters' months with the children placed, counted over every authority's placements by a SECURITY DEFINER function. */
export const MONTHLY_PARTNERSHIP = `
  SELECT a.month, a."adopterApprovals", a."householdsWithdrawn", p."childrenPlaced", p."placedWithOtherAgencyAdopters"
    FROM (${MONTHLY_ADOPTERS}) a JOIN board_placements_by_month($1, $2, $3) p USING (month)
   ORDER BY a.month`;

export const CATEGORIES = {
  AGE_BAND: ['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'],
  ETHNICITY: ['White', 'Mixed or multiple', 'Asian or Asian British', 'Black or Black British', 'Other ethnic group', 'Not recorded'],
  DISABILITY: ['Disabled', 'No disability recorded'],
} as const;

/*
 * The aggregates over children's records are SECURITY DEFINER functions (schema/schema.sql):
 * the board's request role reads no child's row, only the counts these return.
 */

/**
 * $1 first day, $2 first day of the last month, $3 last day; with whether the month's early-permanence count by
 * authority is illustrative (illustrative_counts, read under the request's own policies: it names no child).
 */
export const MONTHLY_BY_AUTHORITY = `
  SELECT b.*, EXISTS (SELECT 1 FROM illustrative_counts i
                       WHERE i.measure = 'EARLY_PERMANENCE_BY_AUTHORITY'
                         AND to_char(i.first_day, 'YYYY-MM') <= b.month AND to_char(i.last_day, 'YYYY-MM') >= b.month)
                AS "earlyPermanenceIllustrative"
    FROM board_monthly_by_authority($1, $2, $3) b`;

/**
 * $1 the last day, $2 the characteristics: per authority, the children waiting and their summed days (rows without
 * a characteristic), and their counts by each category. Whole counts: the service withholds the small ones.
 */
export const WAITING = `SELECT * FROM board_waiting($1, $2)`;

/**
 * $1 first day, $2 last day: per month and authority, the children adopted, the summed days of A1, A2 and A10, and
 * the children of A3 (placed within 14 months of entering care).
 */
export const ADOPTIONS_BY_MONTH = `SELECT * FROM board_adoptions_by_month($1, $2)`;

/** Money as exact decimal text (numeric(12, 2) prints its two places): the Money scalar's shape, never a float. */
export const POOLED_BUDGET = `
  SELECT y.financial_year AS "financialYear", y.operating_budget::text AS "operatingBudget", y.spend::text AS spend,
         (y.operating_budget - y.spend)::text AS underspend,
         y.illustrative, y.underspend_treatment AS "underspendTreatment", c.authority::text AS authority,
         c.contribution::text AS contribution, c.contribution_illustrative AS "contributionIllustrative",
         c.underspend_share::text AS "underspendShare", c.underspend_share_illustrative AS "underspendShareIllustrative"
    FROM budget_years y JOIN budget_contributions c USING (financial_year)
   WHERE $1::text IS NULL OR y.financial_year = $1
   ORDER BY y.financial_year DESC, c.authority`;
