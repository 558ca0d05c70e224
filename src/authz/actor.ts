import type { Authority, PanelRole, Role } from './vocabulary';

/** One role held by a member of staff: for one authority, or partnership-wide (`authority: null`). */
export type RoleAssignment = {
  role: Role;
  authority: Authority | null;
  panelId: string | null;
  panelRole: PanelRole | null;
};

/** The authenticated member of staff, as the policy sees them. Several assignments add up. */
export type Actor = {
  staffId: string;
  username: string;
  displayName: string;
  assignments: RoleAssignment[];
};

/** The actor's roles in one line, as the access log records them: 'ADM:KENT', 'PANEL_MEMBER:CHAIR@<panel>'. */
export function describeRoles(actor: Actor): string {
  return actor.assignments
    .map(({ role, authority, panelId, panelRole }) =>
      panelId ? `${role}:${panelRole}@${panelId}` : authority ? `${role}:${authority}` : `${role}:PARTNERSHIP`,
    )
    .join(',');
}
