import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Children: tenant-owned by their responsible authority; each column's field class is in src/authz/field-classes.ts. */
export class Children1795400000100 implements MigrationInterface {
  name = 'Children1795400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE child_stage AS ENUM (
        'CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'EARLY_PERMANENCE', 'AUTHORITY_TO_PLACE', 'LINKED',
        'MATCH_RECOMMENDED', 'MATCHED', 'PLACED', 'ADOPTED', 'PLAN_CHANGED', 'DISRUPTED'
      )`);
    await q.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority authority NOT NULL,
        stage child_stage NOT NULL DEFAULT 'CONSIDERING_ADOPTION',
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        date_of_birth date NOT NULL,
        nhs_number text CHECK (nhs_number ~ '^[0-9]{10}$'),
        sex text,
        ethnicity text,
        religion text,
        disability text,
        health_needs text,
        birth_family_background text,
        entered_care_on date NOT NULL CHECK (entered_care_on >= date_of_birth),
        adoption_plan_decided_on date,
        placement_order_granted_on date,
        early_permanence_placed_on date,
        matched_on date,
        placed_on date,
        adoption_order_granted_on date,
        plan_changed_on date,
        created_by uuid NOT NULL REFERENCES staff (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Lists are keyset-paginated in (created_at, id) order within what the policy lets through.
    await q.query(`CREATE INDEX children_authority_order_idx ON children (authority, created_at, id)`);
    await q.query(`CREATE INDEX children_authority_stage_order_idx ON children (authority, stage, created_at, id)`);
    await q.query(`CREATE INDEX children_order_idx ON children (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE children`);
    await q.query(`DROP TYPE child_stage`);
  }
}
