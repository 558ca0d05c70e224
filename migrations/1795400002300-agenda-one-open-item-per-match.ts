import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A match is on at most one agenda awaiting the panel's recommendation: two open items put the child's record
 * before two panels at once. An item the panel deferred (or otherwise recommended on) is closed, so the match
 * may be scheduled again. The service refuses a second open item; this index holds it against a race.
 */
export class AgendaOneOpenItemPerMatch1795400002300 implements MigrationInterface {
  name = 'AgendaOneOpenItemPerMatch1795400002300';

  async up(q: QueryRunner): Promise<void> {
    // Name the matches to settle by hand rather than fail on the first duplicate key.
    await q.query(`
      DO $$
      DECLARE duplicated text;
      BEGIN
        SELECT string_agg(match_id::text, ', ') INTO duplicated
          FROM (SELECT match_id FROM agenda_items WHERE match_id IS NOT NULL AND recommendation IS NULL
                 GROUP BY match_id HAVING count(*) > 1) d;
        IF duplicated IS NOT NULL THEN
          RAISE EXCEPTION 'matches on more than one open agenda item: %; record the panel''s recommendation on all but one', duplicated;
        END IF;
      END $$`);
    await q.query(`
      CREATE UNIQUE INDEX agenda_items_one_open_per_match ON agenda_items (match_id)
        WHERE match_id IS NOT NULL AND recommendation IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agenda_items_one_open_per_match`);
  }
}
