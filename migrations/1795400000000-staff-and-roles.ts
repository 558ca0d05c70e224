import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff and their role assignments: one role for one authority, or partnership-wide (authority null). */
export class StaffAndRoles1795400000000 implements MigrationInterface {
  name = 'StaffAndRoles1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE authority AS ENUM ('BEXLEY', 'KENT', 'MEDWAY')`);
    await q.query(
      `CREATE TYPE staff_role AS ENUM ('ADM', 'PPM_LEAD', 'FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER', 'AUDITOR')`,
    );
    await q.query(`CREATE TYPE panel_role AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'ADVISER')`);
    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE role_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff (id),
        role staff_role NOT NULL,
        authority authority,
        panel_id uuid,
        panel_role panel_role,
        CONSTRAINT ppm_lead_has_authority CHECK (role <> 'PPM_LEAD' OR authority IS NOT NULL),
        CONSTRAINT partnership_roles_have_no_authority
          CHECK (role NOT IN ('FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER', 'AUDITOR') OR authority IS NULL),
        CONSTRAINT panel_members_name_their_panel
          CHECK ((role = 'PANEL_MEMBER') = (panel_id IS NOT NULL AND panel_role IS NOT NULL)),
        CONSTRAINT one_assignment_per_scope UNIQUE NULLS NOT DISTINCT (staff_id, role, authority, panel_id)
      )`);
    await q.query(`CREATE INDEX role_assignments_staff_idx ON role_assignments (staff_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE role_assignments`);
    await q.query(`DROP TABLE staff`);
    await q.query(`DROP TYPE panel_role`);
    await q.query(`DROP TYPE staff_role`);
    await q.query(`DROP TYPE authority`);
  }
}
