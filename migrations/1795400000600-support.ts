import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Adoption support: requests and assessments, tenant-owned by the authority the family lives in. */
export class Support1795400000600 implements MigrationInterface {
  name = 'Support1795400000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE support_outcome AS ENUM ('RESOLVED', 'SIGNPOSTED', 'ASSESSMENT')`);
    await q.query(`
      CREATE TABLE support_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority authority NOT NULL,
        family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
        received_on date NOT NULL,
        advice_line_call_on date,
        outcome support_outcome,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT call_after_request CHECK (advice_line_call_on IS NULL OR advice_line_call_on >= received_on)
      )`);
    await q.query(`CREATE INDEX support_requests_month_idx ON support_requests (authority, received_on)`);
    await q.query(`CREATE INDEX support_requests_order_idx ON support_requests (created_at, id)`);

    await q.query(`CREATE TYPE support_assessment_outcome AS ENUM ('SUPPORT_PLAN', 'ASGSF_APPLICATION', 'NO_FURTHER_ACTION')`);
    await q.query(`
      CREATE TABLE support_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        support_request_id uuid NOT NULL UNIQUE REFERENCES support_requests (id),
        authority authority NOT NULL,
        completed_on date NOT NULL,
        outcome support_assessment_outcome NOT NULL,
        notes text,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX support_assessments_month_idx ON support_assessments (authority, completed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE support_assessments`);
    await q.query(`DROP TYPE support_assessment_outcome`);
    await q.query(`DROP TABLE support_requests`);
    await q.query(`DROP TYPE support_outcome`);
  }
}
