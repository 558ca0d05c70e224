import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The partnership's adoption panels and their meetings; panel members' assignments name their panel. */
export class Panels1795400000200 implements MigrationInterface {
  name = 'Panels1795400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE panels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_panel_fk FOREIGN KEY (panel_id) REFERENCES panels (id)`);
    await q.query(`
      CREATE TABLE panel_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        panel_id uuid NOT NULL REFERENCES panels (id),
        meeting_on date NOT NULL,
        papers_released_on date NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT papers_before_meeting CHECK (papers_released_on <= meeting_on),
        CONSTRAINT one_meeting_a_day UNIQUE (panel_id, meeting_on)
      )`);
    await q.query(`CREATE INDEX panel_meetings_window_idx ON panel_meetings (panel_id, papers_released_on, meeting_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE panel_meetings`);
    await q.query(`ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_panel_fk`);
    await q.query(`DROP TABLE panels`);
  }
}
