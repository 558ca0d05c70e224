import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's breakdowns of the children waiting, computed in one pass. Each breakdown asked for (age
 * band, ethnicity, disability) worked out the children waiting again, and categorised each child through
 * a function the planner could not inline: `age()` on two dates resolved to its `timestamptz` form, which
 * is not immutable. Now the children waiting are one function, `board_waiting_children`, which both the
 * count of children waiting and the breakdowns read; the breakdowns asked for in one request are one
 * statement over one materialised set; and the category compares calendar dates as `timestamp`, so it
 * inlines (the same categories: both dates are days).
 */
const CATEGORY_BODY = (dateType: 'timestamp' | null) => {
  const age = dateType ? `age(day::${dateType}, date_of_birth::${dateType})` : 'age(day, date_of_birth)';
  return `
      SELECT CASE characteristic
        WHEN 'AGE_BAND' THEN
          CASE WHEN date_part('year', ${age}) < 1 THEN 'Under 1'
               WHEN date_part('year', ${age}) < 5 THEN '1 to 4'
               WHEN date_part('year', ${age}) < 10 THEN '5 to 9'
               WHEN date_part('year', ${age}) < 16 THEN '10 to 15'
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
      END`;
};

/** Children with authority to place but no approving match decision, still looked after for adoption, on `day`. */
const WAITING_ON = `
  SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
    FROM children c JOIN placement_orders po ON po.child_id = c.id AND po.granted_on <= day
   WHERE NOT EXISTS (SELECT 1 FROM child_decisions d
                      WHERE d.child_id = c.id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on <= day)
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > day)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > day)`;

const BREAKDOWNS = 'board_waiting_by_characteristics(text[], date, jsonb)';
const ONE_BREAKDOWN = 'board_waiting_by_characteristic(text, date, text[])';

/**
 * Given `tallies` (characteristic, authority, category, n), every category of every characteristic asked
 * for, for each authority and the partnership (authority null), with its count (0 when none) and its
 * place (`shown`, `ordinality`): a CTE list that follows a `WITH … tallies AS (…)`.
 */
export const COUNTED = `scopes AS (
        SELECT a::text AS authority FROM unnest(enum_range(NULL::authority)) a UNION ALL SELECT NULL
      ), counted AS (
        SELECT ch.characteristic, ch.ordinality AS shown, s.authority, c.category, c.ordinality, coalesce(t.n, 0) AS n
          FROM unnest(characteristics) WITH ORDINALITY AS ch(characteristic, ordinality)
          CROSS JOIN scopes s
          CROSS JOIN jsonb_array_elements_text(categories -> ch.characteristic) WITH ORDINALITY AS c(category, ordinality)
          LEFT JOIN tallies t ON t.characteristic = ch.characteristic AND t.authority IS NOT DISTINCT FROM s.authority
                             AND t.category = c.category
      )`;

/** The count of children waiting and their breakdowns, as this migration left them (also the down of 1795400001700). */
export async function createWaitingDatasets(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE OR REPLACE FUNCTION board_children_waiting(day date)
    RETURNS TABLE (authority text, children int, "averageDaysWaiting" float)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      SELECT w.authority::text, count(*)::int, round(avg(day - w.order_on), 1)::float
        FROM board_waiting_children(day) w GROUP BY ROLLUP (w.authority);
    END $$`);
  // Every category of every breakdown asked for (`categories`: characteristic → its categories, in order),
  // per authority and for the partnership (authority null); counts from 1 to 5 are suppressed here, so
  // they never leave the database.
  await q.query(`
    CREATE FUNCTION ${BREAKDOWNS.replace('(text[], date, jsonb)', '(characteristics text[], day date, categories jsonb)')}
    RETURNS TABLE (characteristic text, authority text, category text, count int, suppressed boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      WITH waiting AS MATERIALIZED (
        SELECT * FROM board_waiting_children(day)
      ), categorised AS (
        SELECT ch.characteristic, w.authority::text AS authority,
               board_waiting_category(ch.characteristic, day, w.date_of_birth, w.ethnicity, w.disability) AS category
          FROM unnest(characteristics) AS ch(characteristic) CROSS JOIN waiting w
      ), tallies AS (
        SELECT t.characteristic, t.authority, t.category, count(*)::int AS n
          FROM categorised t GROUP BY GROUPING SETS ((t.characteristic, t.authority, t.category), (t.characteristic, t.category))
      ), ${COUNTED}
      SELECT x.characteristic, x.authority, x.category, CASE WHEN x.n BETWEEN 1 AND 5 THEN NULL ELSE x.n END, x.n BETWEEN 1 AND 5
        FROM counted x ORDER BY x.shown, x.authority NULLS LAST, x.ordinality;
    END $$`);
  for (const fn of ['board_children_waiting(date)', BREAKDOWNS]) {
    await q.query(`ALTER FUNCTION ${fn} OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO apse_app`);
  }
}

export class BoardWaitingInOnePass1795400001500 implements MigrationInterface {
  name = 'BoardWaitingInOnePass1795400001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION board_waiting_category(characteristic text, day date, date_of_birth date, ethnicity text, disability text)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$${CATEGORY_BODY('timestamp')}
      $$`);
    // Read only inside the board's SECURITY DEFINER functions, as their owner.
    await q.query(`
      CREATE FUNCTION board_waiting_children(day date)
      RETURNS TABLE (authority authority, date_of_birth date, ethnicity text, disability text, order_on date)
      LANGUAGE sql STABLE AS $$${WAITING_ON}
      $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION board_waiting_children(date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION board_waiting_children(date) TO apse_reporting`);
    await createWaitingDatasets(q);
    await q.query(`DROP FUNCTION ${ONE_BREAKDOWN}`);
  }

  async down(q: QueryRunner): Promise<void> {
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
    await q.query(`ALTER FUNCTION ${ONE_BREAKDOWN} OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION ${ONE_BREAKDOWN} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${ONE_BREAKDOWN} TO apse_app`);
    await q.query(`DROP FUNCTION ${BREAKDOWNS}`);
    await q.query(`
      CREATE OR REPLACE FUNCTION board_children_waiting(day date)
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
    await q.query(`DROP FUNCTION board_waiting_children(date)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION board_waiting_category(characteristic text, day date, date_of_birth date, ethnicity text, disability text)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$${CATEGORY_BODY(null)}
      $$`);
  }
}
