import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Panel agenda items and report-quality feedback. An item copies its meeting's panel and dates so that
 * the policy can state "this panel, while the papers are open" on the item's own columns.
 */
export class Agenda1795400000500 implements MigrationInterface {
  name = 'Agenda1795400000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE agenda_item_kind AS ENUM ('ADOPTER_APPROVAL', 'MATCH', 'APPROVAL_REVIEW', 'TERMINATION', 'EARLY_PERMANENCE_DUAL_APPROVAL')`,
    );
    await q.query(`CREATE TYPE panel_recommendation AS ENUM ('POSITIVE', 'NEGATIVE', 'DEFERRED')`);
    await q.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES panel_meetings (id),
        panel_id uuid NOT NULL REFERENCES panels (id),
        meeting_on date NOT NULL,
        papers_released_on date NOT NULL,
        window_closes_on date NOT NULL GENERATED ALWAYS AS (meeting_on + 7) STORED,
        kind agenda_item_kind NOT NULL,
        household_id uuid NOT NULL REFERENCES households (id),
        match_id uuid REFERENCES matches (id),
        child_id uuid REFERENCES children (id),
        child_authority authority,
        recommendation panel_recommendation,
        reasons text,
        recommended_by uuid REFERENCES staff (id),
        scheduled_by uuid NOT NULL REFERENCES staff (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT match_items_name_the_match CHECK ((kind = 'MATCH') = (match_id IS NOT NULL)),
        CONSTRAINT match_items_name_the_child CHECK ((match_id IS NULL) = (child_id IS NULL AND child_authority IS NULL)),
        CONSTRAINT recommendation_has_reasons CHECK (recommendation IS NULL OR (reasons IS NOT NULL AND recommended_by IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX agenda_items_meeting_idx ON agenda_items (meeting_id)`);
    await q.query(`CREATE INDEX agenda_items_window_idx ON agenda_items (panel_id, papers_released_on, window_closes_on)`);
    await q.query(`CREATE INDEX agenda_items_household_idx ON agenda_items (household_id)`);
    await q.query(`CREATE INDEX agenda_items_match_idx ON agenda_items (match_id)`);

    await q.query(`
      CREATE TABLE report_quality_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        panel_id uuid NOT NULL REFERENCES panels (id),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-H[12]$'),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
        strengths text NOT NULL,
        improvements text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES staff (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT one_feedback_per_period UNIQUE (panel_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_quality_feedback`);
    await q.query(`DROP TABLE agenda_items`);
    await q.query(`DROP TYPE panel_recommendation`);
    await q.query(`DROP TYPE agenda_item_kind`);
  }
}
