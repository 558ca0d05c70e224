import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sets every household's `proposed_for` from its matches: the authorities whose children it has been
 * proposed for. Also run by the benchmark's data generator, which loads matches with triggers off.
 */
export const REFRESH_PROPOSED_FOR = `
  UPDATE households h SET proposed_for = p.authorities
    FROM (SELECT household_id, array_agg(DISTINCT authority ORDER BY authority) AS authorities
            FROM matches GROUP BY household_id) p
   WHERE p.household_id = h.id AND h.proposed_for IS DISTINCT FROM p.authorities`;

/**
 * An authority's ADM and PPM lead read the households proposed for that authority's children. That reach
 * was a list of household ids loaded on every request, growing with every match ever made; it becomes a
 * column of the household, kept by the database as matches are proposed, so the policy's condition is on
 * the household itself and costs the same at any scale.
 * A match never changes its child or household, and a proposal stays on record when the match ends, so
 * the column only grows. Its own change is in the access log, like any change to a household.
 */
export class HouseholdProposedFor1795400001200 implements MigrationInterface {
  name = 'HouseholdProposedFor1795400001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE households ADD COLUMN proposed_for authority[] NOT NULL DEFAULT '{}'`);
    // The backfill derives what the matches already record: not a change anyone made.
    await q.query(`ALTER TABLE households DISABLE TRIGGER households_audit_update`);
    await q.query(REFRESH_PROPOSED_FOR);
    await q.query(`ALTER TABLE households ENABLE TRIGGER households_audit_update`);
    await q.query(`
      CREATE FUNCTION match_proposes_household() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE households SET proposed_for = array_append(proposed_for, NEW.authority)
         WHERE id = NEW.household_id AND NOT (NEW.authority = ANY (proposed_for));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER matches_propose_household AFTER INSERT ON matches
        FOR EACH ROW EXECUTE FUNCTION match_proposes_household()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER matches_propose_household ON matches`);
    await q.query(`DROP FUNCTION match_proposes_household()`);
    await q.query(`ALTER TABLE households DROP COLUMN proposed_for`);
  }
}
