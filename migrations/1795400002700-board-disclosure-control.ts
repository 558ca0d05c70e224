import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTimeliness } from './1795400001000-row-level-security';
import { createGroupedWaiting } from './1795400001700-board-waiting-grouped';

const OLD_WAITING = 'board_waiting(date, text[], jsonb)';
const WAITING = 'board_waiting(date, text[])';
const OLD_TIMELINESS = 'board_timeliness(date, date)';
const ADOPTIONS = 'board_adoptions_by_month(date, date)';

/**
 * The board's counts of children come back whole, for the API to withhold what would disclose a child: which
 * counts and averages to withhold depends on every table the board can get (primary and secondary suppression),
 * which one statement's cut-off at 1 to 5 could not decide. Still aggregates only, still run as apse_reporting
 * for board directors alone; no row of a child leaves these functions.
 *
 * - `board_waiting(day, characteristics)`: per authority, the children waiting on `day` and the sum of their days
 *   waiting (rows without a characteristic), and their counts by each characteristic's category.
 * - `board_adoptions_by_month(first_day, last_day)`: per month and authority, the children adopted, and the
 *   children and summed days of the A2 and A10 clocks, from which any month, quarter or year is added up.
 */
export class BoardDisclosureControl1795400002700 implements MigrationInterface {
  name = 'BoardDisclosureControl1795400002700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${OLD_WAITING}`);
    await q.query(`
      CREATE FUNCTION board_waiting(day date, characteristics text[])
      RETURNS TABLE (characteristic text, authority text, category text, children int, "daysWaiting" float)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB' AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM board_reader_only();
        RETURN QUERY
        WITH groups AS MATERIALIZED (
          SELECT w.authority::text AS authority, board_waiting_category('AGE_BAND', day, w.date_of_birth, NULL, NULL) AS age_band,
                 w.ethnicity, w.disability, count(*) AS n, sum(day - w.order_on) AS days
            FROM board_waiting_children(day) w GROUP BY 1, 2, 3, 4
        ), categorised AS (
          SELECT ch.characteristic, g.authority, g.n,
                 CASE ch.characteristic WHEN 'AGE_BAND' THEN g.age_band
                      ELSE board_waiting_category(ch.characteristic, day, NULL, g.ethnicity, g.disability) END AS category
            FROM unnest(characteristics) AS ch(characteristic) CROSS JOIN groups g
        )
        SELECT NULL::text, g.authority, NULL::text, sum(g.n)::int, sum(g.days)::float FROM groups g GROUP BY g.authority
        UNION ALL
        SELECT c.characteristic, c.authority, c.category, sum(c.n)::int, NULL::float FROM categorised c GROUP BY 1, 2, 3;
      END $$`);
    await q.query(`DROP FUNCTION ${OLD_TIMELINESS}`);
    await q.query(`
      CREATE FUNCTION board_adoptions_by_month(first_day date, last_day date)
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
      END $$`);
    for (const fn of [WAITING, ADOPTIONS]) await ownedByReporting(q, fn);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${ADOPTIONS}`);
    await createTimeliness(q);
    await ownedByReporting(q, OLD_TIMELINESS);
    await q.query(`DROP FUNCTION ${WAITING}`);
    await createGroupedWaiting(q);
  }
}

async function ownedByReporting(q: QueryRunner, fn: string): Promise<void> {
  await q.query(`ALTER FUNCTION ${fn} OWNER TO apse_reporting`);
  await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
  await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO apse_app`);
}
