import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Adopter households: recruited and approved partnership-wide (their home authority is information, not a tenant). */
export class Households1795400000300 implements MigrationInterface {
  name = 'Households1795400000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE household_stage AS ENUM (
        'ENQUIRY', 'INFORMATION_EVENT', 'INITIAL_VISIT', 'REGISTRATION', 'STAGE_1', 'STAGE_2', 'PANEL',
        'APPROVED', 'MATCHED', 'PLACED', 'WITHDRAWN', 'NOT_APPROVED', 'TERMINATED'
      )`);
    await q.query(`
      CREATE TABLE households (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        stage household_stage NOT NULL,
        stage_entered_on date NOT NULL,
        home_authority authority,
        applicants jsonb NOT NULL CHECK (jsonb_typeof(applicants) = 'array' AND jsonb_array_length(applicants) BETWEEN 1 AND 2),
        address text,
        ethnicity text,
        religion text,
        health_notes text,
        dbs_outcome text,
        min_child_age integer NOT NULL DEFAULT 0 CHECK (min_child_age BETWEEN 0 AND 17),
        max_child_age integer NOT NULL DEFAULT 17 CHECK (max_child_age BETWEEN 0 AND 17),
        max_siblings integer NOT NULL DEFAULT 1 CHECK (max_siblings BETWEEN 1 AND 6),
        needs_they_can_meet text[] NOT NULL DEFAULT '{}',
        early_permanence boolean NOT NULL DEFAULT false,
        fast_track boolean NOT NULL DEFAULT false,
        enquiry_on date NOT NULL,
        approved_on date,
        created_by uuid NOT NULL REFERENCES staff (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT age_range CHECK (min_child_age <= max_child_age)
      )`);
    await q.query(`CREATE INDEX households_order_idx ON households (created_at, id)`);
    await q.query(`CREATE INDEX households_stage_idx ON households (stage, created_at, id)`);
    await q.query(`CREATE INDEX households_approved_on_idx ON households (approved_on)`);
    await q.query(`
      CREATE TABLE household_stage_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES households (id),
        stage household_stage NOT NULL,
        entered_on date NOT NULL,
        reason text,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX household_stage_events_household_idx ON household_stage_events (household_id, entered_on)`);
    await q.query(`CREATE INDEX household_stage_events_stage_idx ON household_stage_events (stage, entered_on)`);
    await q.query(`CREATE TYPE household_decision_outcome AS ENUM ('APPROVED', 'NOT_APPROVED', 'TERMINATED')`);
    await q.query(`
      CREATE TABLE household_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES households (id),
        outcome household_decision_outcome NOT NULL,
        decided_on date NOT NULL,
        rationale text NOT NULL,
        decided_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX household_decisions_household_idx ON household_decisions (household_id)`);
    await q.query(`CREATE INDEX household_decisions_month_idx ON household_decisions (outcome, decided_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_decisions`);
    await q.query(`DROP TYPE household_decision_outcome`);
    await q.query(`DROP TABLE household_stage_events`);
    await q.query(`DROP TABLE households`);
    await q.query(`DROP TYPE household_stage`);
  }
}
