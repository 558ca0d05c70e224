import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member's assignments valid on the request's day: `role_assignment_live` on `app.today`, as every reading of a
 * role decides it (LIVE_TODAY, src/access/facts-loader.ts).
 */
const LIVE = `a.staff_id = s.id AND role_assignment_live(a.valid_from, a.valid_to, request.today)`;

/**
 * The staff directory: each member of staff with what their assignments valid on the request's day make them — the
 * roles, the scopes (an authority, or PARTNERSHIP for a role held for none) and the panels — as arrays, so that whom
 * a role may look up is a condition on the columns of one row (src/authz/policies). Outside a request there is no
 * day, and the view refuses to answer. It reads its tables as whoever reads it (security_invoker), under their
 * Row-Level Security. It cannot be updated (it selects from two relations): the request role's UPDATE on it only lets
 * a change lock a member's row through it (FOR UPDATE, which locks `staff` alone, the arrays being sub-selects),
 * under the Row-Level Security that lets only the access administrator change `staff`.
 */
export class StaffDirectory1795400003400 implements MigrationInterface {
  name = 'StaffDirectory1795400003400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW staff_directory WITH (security_invoker = true) AS
      SELECT s.id, s.username, s.display_name, s.email, s.active, s.deactivated_on, s.created_at,
             ARRAY(SELECT DISTINCT a.role FROM role_assignments a WHERE ${LIVE} ORDER BY a.role) AS live_roles,
             ARRAY(SELECT DISTINCT coalesce(a.authority::text, 'PARTNERSHIP') AS scope FROM role_assignments a WHERE ${LIVE} ORDER BY scope)
               AS live_scopes,
             ARRAY(SELECT DISTINCT a.panel_id FROM role_assignments a WHERE ${LIVE} AND a.panel_id IS NOT NULL ORDER BY a.panel_id)
               AS live_panel_ids
        FROM staff s, (SELECT (SELECT current_setting('app.today')::date) AS today) request`);
    await q.query(`GRANT SELECT, UPDATE ON staff_directory TO apse_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW staff_directory`);
  }
}
