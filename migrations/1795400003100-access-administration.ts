import type { MigrationInterface, QueryRunner } from 'typeorm';

const PARTNERSHIP_ROLES = ['FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER'];

/**
 * Staff and their roles are managed through the API by the access administrator: a member of staff gains an email
 * and, when deactivated, the day and the reason; an assignment names who granted it and why, why it ended, and the
 * assignment it covers when it is acting cover (`delegated_from`).
 * The request role may now write both tables, and Row-Level Security lets only a request that holds ACCESS_ADMIN
 * today do so (reading stays open to every request, as the staff directory is). The access administrator is
 * partnership-wide, like the roles that hold no authority. Every change is logged by the tables' existing triggers.
 */
export class AccessAdministration1795400003100 implements MigrationInterface {
  name = 'AccessAdministration1795400003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff
        ADD COLUMN email text CONSTRAINT staff_email_check CHECK (email ~ '^[^@\\s]{1,64}@[^@\\s]{1,190}$'),
        ADD COLUMN deactivated_on date,
        ADD COLUMN deactivation_reason text CONSTRAINT staff_deactivation_reason_check CHECK (length(deactivation_reason) BETWEEN 1 AND 500),
        ADD CONSTRAINT staff_email_key UNIQUE (email),
        ADD CONSTRAINT deactivation_recorded_whole CHECK ((deactivated_on IS NULL) = (deactivation_reason IS NULL))`);
    await q.query(`
      ALTER TABLE role_assignments
        ADD COLUMN granted_by uuid CONSTRAINT role_assignments_granted_by_fkey REFERENCES staff (id),
        ADD COLUMN delegated_from uuid CONSTRAINT role_assignments_delegated_from_fkey REFERENCES role_assignments (id),
        ADD COLUMN reason text CONSTRAINT role_assignments_reason_check CHECK (length(reason) BETWEEN 1 AND 500),
        ADD COLUMN end_reason text CONSTRAINT role_assignments_end_reason_check CHECK (length(end_reason) BETWEEN 1 AND 500)`);
    await q.query(`ALTER TABLE role_assignments DROP CONSTRAINT partnership_roles_have_no_authority`);
    await q.query(`
      ALTER TABLE role_assignments ADD CONSTRAINT partnership_roles_have_no_authority
        CHECK (role NOT IN (${[...PARTNERSHIP_ROLES, 'ACCESS_ADMIN'].map((r) => `'${r}'`).join(', ')}) OR authority IS NULL)`);
    await q.query(`GRANT INSERT, UPDATE ON staff, role_assignments TO apse_app`);
    for (const table of ['staff', 'role_assignments']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY everyone_reads ON ${table} FOR SELECT USING (true)`);
      await q.query(`CREATE POLICY access_admin_adds ON ${table} FOR INSERT WITH CHECK (app_has_role('ACCESS_ADMIN'))`);
      await q.query(
        `CREATE POLICY access_admin_changes ON ${table} FOR UPDATE USING (app_has_role('ACCESS_ADMIN')) WITH CHECK (app_has_role('ACCESS_ADMIN'))`,
      );
    }
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ('Staff', 'email', 'identifying'), ('Staff', 'deactivated_on', 'case'), ('Staff', 'deactivation_reason', 'narrative'),
             ('RoleAssignment', 'granted_by', 'case'), ('RoleAssignment', 'delegated_from', 'case'), ('RoleAssignment', 'reason', 'narrative'),
             ('RoleAssignment', 'end_reason', 'narrative')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM audit_column_classes
       WHERE (subject_type, column_name) IN (('Staff', 'email'), ('Staff', 'deactivated_on'), ('Staff', 'deactivation_reason'),
                                             ('RoleAssignment', 'granted_by'), ('RoleAssignment', 'delegated_from'), ('RoleAssignment', 'reason'),
                                             ('RoleAssignment', 'end_reason'))`);
    for (const table of ['staff', 'role_assignments']) {
      for (const policy of ['everyone_reads', 'access_admin_adds', 'access_admin_changes'])
        await q.query(`DROP POLICY ${policy} ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE INSERT, UPDATE ON staff, role_assignments FROM apse_app`);
    await q.query(`ALTER TABLE role_assignments DROP CONSTRAINT partnership_roles_have_no_authority`);
    await q.query(`
      ALTER TABLE role_assignments ADD CONSTRAINT partnership_roles_have_no_authority
        CHECK (role NOT IN (${PARTNERSHIP_ROLES.map((r) => `'${r}'`).join(', ')}) OR authority IS NULL)`);
    await q.query(
      `ALTER TABLE role_assignments DROP COLUMN granted_by, DROP COLUMN delegated_from, DROP COLUMN reason, DROP COLUMN end_reason`,
    );
    await q.query(`
      ALTER TABLE staff DROP CONSTRAINT deactivation_recorded_whole, DROP CONSTRAINT staff_email_key,
        DROP COLUMN email, DROP COLUMN deactivated_on, DROP COLUMN deactivation_reason`);
  }
}
