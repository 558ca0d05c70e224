import type { Actor, RoleAssignment } from '../authz/actor';
import { TENANT_REACH_PARAM, tenantAuthoritiesSql } from '../authz/tenant-scope';
import type { DbScope } from '../db/db-scope';
import { REQUEST_ROLE } from '../db/request-role';

type ActorRow = { id: string; username: string; display_name: string; assignments: RoleAssignment[] };

/**
 * One statement: the active member of staff and their role assignments. For an active member it also
 * sets, transaction-locally, who is asking (`app.staff_id`), the request (`app.request_id`), their tenant
 * dimension (`app.authorities`), and switches to the request role, so that every later statement of the
 * request runs under Row-Level Security. null (and nothing set) when the staff member is unknown or
 * deactivated.
 */
export async function loadActor(db: DbScope, staffId: string, requestId: string): Promise<Actor | null> {
  const [row] = await db.query<ActorRow>(
    `SELECT s.id, s.username, s.display_name,
            set_config('app.staff_id', s.id::text, true) AS staff_setting,
            set_config('app.request_id', $2, true) AS request_setting,
            set_config('app.authorities', ${tenantAuthoritiesSql('s.id', '$3')}, true) AS tenant_setting,
            set_config('role', $4, true) AS role_setting,
            COALESCE(json_agg(json_build_object('role', a.role, 'authority', a.authority,
                                                'panelId', a.panel_id, 'panelRole', a.panel_role)
                     ORDER BY a.role, a.authority) FILTER (WHERE a.id IS NOT NULL), '[]') AS assignments
       FROM staff s LEFT JOIN role_assignments a ON a.staff_id = s.id
      WHERE s.id = $1 AND s.active
      GROUP BY s.id`,
    [staffId, requestId, TENANT_REACH_PARAM, REQUEST_ROLE],
  );
  if (!row) return null;
  return { staffId: row.id, username: row.username, displayName: row.display_name, assignments: row.assignments };
}
