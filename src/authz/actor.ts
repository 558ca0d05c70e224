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
