import type { MigrationInterface, QueryRunner } from 'typeorm';

const LIVE_STATUSES = `('PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED')`;

/** Sets every household's `proposed_for` from its live matches (the benchmark's generator runs it too). */
export const REFRESH_LIVE_PROPOSED_FOR = `
  UPDATE households h SET proposed_for = household_live_proposals(h.id)
   WHERE h.proposed_for IS DISTINCT FROM household_live_proposals(h.id)`;

/**
 * Access follows live links. A household's `proposed_for` (the authorities whose ADM and PPM lead read it,
 * migration 1795400001200) only grew: an authority kept reading the adopters' identity after its match with
 * them was withdrawn, declined, disrupted or ended in adoption. It now holds the authorities with an open
 * match with the household — proposed, recommended, approved or placed — and an authority leaves it when
 * its last open match with the household ends.
 *
 * The column is brought up to date as the transaction that changed a match commits, so that the step which
 * ends a match (a disruption, a plan change) is still the household's to move within it.
 *
 * Matches of every authority are read by `household_live_proposals`, owned by `apse_reporting` (the one role
 * whose policy reads every authority's rows): a request's own role sees only its tenant's matches and would
 * drop another authority's live proposal.
 */
export class HouseholdProposedForLive1795400002500 implements MigrationInterface {
  name = 'HouseholdProposedForLive1795400002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION household_live_proposals(household uuid) RETURNS authority[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce(array_agg(DISTINCT m.authority ORDER BY m.authority), '{}')
          FROM matches m WHERE m.household_id = household AND m.status IN ${LIVE_STATUSES}
      $$`);
    await q.query(`ALTER FUNCTION household_live_proposals(uuid) OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION household_live_proposals(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION household_live_proposals(uuid) TO apse_app`);

    await q.query(`DROP TRIGGER matches_propose_household ON matches`);
    await q.query(`DROP FUNCTION match_proposes_household()`);
    await q.query(`
      CREATE FUNCTION match_refreshes_household() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE households SET proposed_for = household_live_proposals(NEW.household_id)
         WHERE id = NEW.household_id AND proposed_for IS DISTINCT FROM household_live_proposals(NEW.household_id);
        RETURN NULL;
      END $$`);
    // At commit: a step that ends a match still moves the household it linked, as the authority that may.
    await q.query(`
      CREATE CONSTRAINT TRIGGER matches_refresh_household AFTER INSERT OR UPDATE OF status ON matches
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION match_refreshes_household()`);
    await q.query(REFRESH_LIVE_PROPOSED_FOR);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER matches_refresh_household ON matches`);
    await q.query(`DROP FUNCTION match_refreshes_household()`);
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
    await q.query(`DROP FUNCTION household_live_proposals(uuid)`);
  }
}
