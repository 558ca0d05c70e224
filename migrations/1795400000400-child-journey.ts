import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The child's journey as records: allocations, ADM decisions, placement orders, matches, placements
 * and disruptions. Each carries the child's authority (the tenant). The partial unique indexes hold
 * "one live record of each kind" even under concurrent writes.
 */
export class ChildJourney1795400000400 implements MigrationInterface {
  name = 'ChildJourney1795400000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE children ADD COLUMN plan_change_reason text, ADD COLUMN disrupted_on date`);

    await q.query(`
      CREATE TABLE family_finder_allocations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        family_finder_id uuid NOT NULL REFERENCES staff (id),
        allocated_on date NOT NULL,
        ended_on date,
        allocated_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX allocations_one_live_idx ON family_finder_allocations (child_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX allocations_finder_idx ON family_finder_allocations (family_finder_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX allocations_authority_idx ON family_finder_allocations (authority)`);

    await q.query(`CREATE TYPE match_status AS ENUM ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'DECLINED', 'PLACED', 'ADOPTED', 'DISRUPTED', 'WITHDRAWN')`);
    await q.query(`
      CREATE TABLE matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        household_id uuid NOT NULL REFERENCES households (id),
        status match_status NOT NULL DEFAULT 'PROPOSED',
        proposed_on date NOT NULL,
        proposed_by uuid NOT NULL REFERENCES staff (id),
        approved_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX matches_one_open_idx ON matches (child_id) WHERE status IN ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED')`,
    );
    await q.query(`CREATE INDEX matches_authority_order_idx ON matches (authority, created_at, id)`);
    await q.query(`CREATE INDEX matches_child_idx ON matches (child_id)`);
    await q.query(`CREATE INDEX matches_household_idx ON matches (household_id)`);

    await q.query(`CREATE TYPE child_decision_kind AS ENUM ('ADOPTION_PLAN', 'MATCH')`);
    await q.query(`CREATE TYPE decision_outcome AS ENUM ('APPROVED', 'NOT_APPROVED')`);
    await q.query(`
      CREATE TABLE child_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        kind child_decision_kind NOT NULL,
        outcome decision_outcome NOT NULL DEFAULT 'APPROVED',
        match_id uuid REFERENCES matches (id),
        decided_on date NOT NULL,
        rationale text NOT NULL,
        decided_by uuid NOT NULL REFERENCES staff (id),
        rescinded_on date,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT match_decisions_name_the_match CHECK ((kind = 'MATCH') = (match_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX child_decisions_one_live_plan_idx ON child_decisions (child_id) WHERE kind = 'ADOPTION_PLAN' AND rescinded_on IS NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX child_decisions_one_per_match_idx ON child_decisions (match_id) WHERE kind = 'MATCH'`);
    await q.query(`CREATE INDEX child_decisions_month_idx ON child_decisions (kind, authority, decided_on)`);
    await q.query(`CREATE INDEX child_decisions_child_idx ON child_decisions (child_id)`);

    await q.query(`CREATE TYPE authority_to_place AS ENUM ('PLACEMENT_ORDER', 'CONSENT')`);
    await q.query(`
      CREATE TABLE placement_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        basis authority_to_place NOT NULL DEFAULT 'PLACEMENT_ORDER',
        granted_on date NOT NULL,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX placement_orders_one_per_child_idx ON placement_orders (child_id)`);
    await q.query(`CREATE INDEX placement_orders_month_idx ON placement_orders (authority, granted_on)`);

    await q.query(`CREATE TYPE placement_kind AS ENUM ('EARLY_PERMANENCE', 'ADOPTIVE')`);
    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        household_id uuid NOT NULL REFERENCES households (id),
        match_id uuid REFERENCES matches (id),
        kind placement_kind NOT NULL,
        placed_on date NOT NULL,
        moved_in_on date NOT NULL,
        converted_on date,
        ended_on date,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT moved_in_by_placement CHECK (moved_in_on <= placed_on),
        CONSTRAINT ends_after_start CHECK (ended_on IS NULL OR ended_on >= placed_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX placements_one_live_idx ON placements (child_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX placements_month_idx ON placements (authority, kind, placed_on)`);
    await q.query(`CREATE INDEX placements_child_idx ON placements (child_id)`);

    await q.query(`
      CREATE TABLE disruptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        placement_id uuid NOT NULL UNIQUE REFERENCES placements (id),
        disrupted_on date NOT NULL,
        meeting_on date NOT NULL,
        reason text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT meeting_after_disruption CHECK (meeting_on >= disrupted_on)
      )`);
    await q.query(`CREATE INDEX disruptions_month_idx ON disruptions (authority, disrupted_on)`);
    await q.query(`CREATE INDEX disruptions_child_idx ON disruptions (child_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disruptions`);
    await q.query(`DROP TABLE placements`);
    await q.query(`DROP TYPE placement_kind`);
    await q.query(`DROP TABLE placement_orders`);
    await q.query(`DROP TYPE authority_to_place`);
    await q.query(`DROP TABLE child_decisions`);
    await q.query(`DROP TYPE decision_outcome`);
    await q.query(`DROP TYPE child_decision_kind`);
    await q.query(`DROP TABLE matches`);
    await q.query(`DROP TYPE match_status`);
    await q.query(`DROP TABLE family_finder_allocations`);
    await q.query(`ALTER TABLE children DROP COLUMN disrupted_on, DROP COLUMN plan_change_reason`);
  }
}
