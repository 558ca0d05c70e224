import type { Actor, RoleAssignment } from '../authz/actor';
import type { DbScope } from '../db/db-scope';

type ActorRow = { id: string; username: string; display_name: string; assignments: RoleAssignment[] };

/**
 * One statement: the active member of staff and their role assignments. It also records who is
 * asking, and the request, in the transaction (`app.staff_id`, `app.request_id`) for the access log
 * and Row-Level Security. null when the staff member is unknown or deactivated.
 */
export async function loadActor(db: DbScope, staffId: string, requestId: string): Promise<Actor | null> {
  const [row] = await db.query<ActorRow>(
    `SELECT s.id, s.username, s.display_name, set_config('app.staff_id', s.id::text, true) AS staff_setting,
            set_config('app.request_id', $2, true) AS request_setting,
            COALESCE(json_agg(json_build_object('role', a.role, 'authority', a.authority,
                                                'panelId', a.panel_id, 'panelRole', a.panel_role)
                     ORDER BY a.role, a.authority) FILTER (WHERE a.id IS NOT NULL), '[]') AS assignments
       FROM staff s LEFT JOIN role_assignments a ON a.staff_id = s.id
      WHERE s.id = $1 AND s.active
      GROUP BY s.id`,
    [staffId, requestId],
  );
  if (!row) return null;
  return { staffId: row.id, username: row.username, displayName: row.display_name, assignments: row.assignments };
}
