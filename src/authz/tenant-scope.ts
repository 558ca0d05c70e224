import type { Role } from './vocabulary';

/** How far a role reaches across the partner authorities: its own authority, every one, or none. */
type Reach = 'OWN_AUTHORITY' | 'EVERY_AUTHORITY' | 'NONE';

/**
 * The authorities whose tenant-owned rows an actor may ever touch: the coarse dimension the database
 * restates (`app.authorities`, Row-Level Security) beneath the per-row rules of the policy.
 */
const TENANT_REACH: Record<Role, Reach> = {
  ADM: 'OWN_AUTHORITY',
  PPM_LEAD: 'OWN_AUTHORITY',
  FAMILY_FINDER: 'EVERY_AUTHORITY',
  PANEL_MEMBER: 'EVERY_AUTHORITY',
  SUPPORT_WORKER: 'EVERY_AUTHORITY',
  BOARD_DIRECTOR: 'NONE',
  AUDITOR: 'NONE',
  ACCESS_ADMIN: 'NONE',
};

/** The parameter `tenantAuthoritiesSql` reads the reach of each role from. */
export const TENANT_REACH_PARAM = JSON.stringify(TENANT_REACH);

/**
 * SQL for the tenant dimension of a member of staff, as the comma-separated text `app.authorities`
 * holds ('' for none), from their role assignments valid on `daySql`. Computed in the statement that sets it,
 * before anything is read under Row-Level Security.
 */
export function tenantAuthoritiesSql(staffIdSql: string, reachParamSql: string, daySql: string): string {
  return `(SELECT coalesce(string_agg(x::text, ',' ORDER BY x), '') FROM unnest(enum_range(NULL::authority)) x
            WHERE EXISTS (SELECT 1 FROM role_assignments r
                           WHERE r.staff_id = ${staffIdSql} AND role_assignment_live(r.valid_from, r.valid_to, ${daySql})
                             AND (${reachParamSql}::jsonb ->> r.role::text = 'EVERY_AUTHORITY'
                                  OR (${reachParamSql}::jsonb ->> r.role::text = 'OWN_AUTHORITY' AND r.authority = x))))`;
}
