import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The day the partnership began: every assignment made before dates were kept starts then. */
const LAUNCH = '2020-11-01';

/**
 * Role assignments hold for dates: from `valid_from` to `valid_to` (both UK days, inclusive; no end: open). Only the
 * assignments valid on the request's day count, wherever a role is read (the actor's statement, the facts, the
 * tenant reach, the roles the access log records), through one function, `role_assignment_live`. A person may hold
 * the same role in the same scope again after it ended, but never twice on one day: a trigger refuses overlapping
 * dates, as the unique constraint it replaces refused a second row.
 */
export class DatedRoleAssignments1795400002900 implements MigrationInterface {
  name = 'DatedRoleAssignments1795400002900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE role_assignments
        ADD COLUMN valid_from date NOT NULL DEFAULT DATE '${LAUNCH}',
        ADD COLUMN valid_to date,
        ADD COLUMN created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        ADD CONSTRAINT assignment_dates_in_order CHECK (valid_to IS NULL OR valid_to >= valid_from)`);
    await q.query(`ALTER TABLE role_assignments ALTER COLUMN valid_from DROP DEFAULT`);
    await q.query(`ALTER TABLE role_assignments DROP CONSTRAINT one_assignment_per_scope`);
    await q.query(`
      CREATE FUNCTION role_assignment_live(valid_from date, valid_to date, day date) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$ SELECT valid_from <= day AND (valid_to IS NULL OR day <= valid_to) $$`);
    await q.query(`
      CREATE FUNCTION role_assignments_do_not_overlap() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        -- One person's assignments are checked one change at a time, so two overlapping grants cannot both pass.
        PERFORM pg_advisory_xact_lock(hashtext('role_assignments:' || NEW.staff_id::text));
        IF EXISTS (SELECT 1 FROM role_assignments o
                    WHERE o.id <> NEW.id AND o.staff_id = NEW.staff_id AND o.role = NEW.role
                      AND o.authority IS NOT DISTINCT FROM NEW.authority AND o.panel_id IS NOT DISTINCT FROM NEW.panel_id
                      AND o.valid_from <= coalesce(NEW.valid_to, 'infinity'::date)
                      AND NEW.valid_from <= coalesce(o.valid_to, 'infinity'::date)) THEN
          RAISE EXCEPTION 'an assignment of this role and scope already holds on some of these days'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'one_assignment_per_scope_a_day';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER role_assignments_do_not_overlap BEFORE INSERT OR UPDATE ON role_assignments
        FOR EACH ROW EXECUTE FUNCTION role_assignments_do_not_overlap()`);
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ('RoleAssignment', 'valid_from', 'case'), ('RoleAssignment', 'valid_to', 'case'), ('RoleAssignment', 'created_at', 'case')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM audit_column_classes WHERE subject_type = 'RoleAssignment' AND column_name IN ('valid_from', 'valid_to', 'created_at')`,
    );
    await q.query(`DROP TRIGGER role_assignments_do_not_overlap ON role_assignments`);
    await q.query(`DROP FUNCTION role_assignments_do_not_overlap()`);
    await q.query(`DROP FUNCTION role_assignment_live(date, date, date)`);
    await q.query(`ALTER TABLE role_assignments DROP CONSTRAINT assignment_dates_in_order`);
    await q.query(`ALTER TABLE role_assignments DROP COLUMN valid_from, DROP COLUMN valid_to, DROP COLUMN created_at`);
    await q.query(`
      ALTER TABLE role_assignments
        ADD CONSTRAINT one_assignment_per_scope UNIQUE NULLS NOT DISTINCT (staff_id, role, authority, panel_id)`);
  }
}
