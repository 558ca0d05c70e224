import type { Authority, Role } from './vocabulary';

/** Where each role is held: for one authority, partnership-wide, either, or on one panel. */
export const ROLE_SCOPE: Record<Role, 'AUTHORITY' | 'PARTNERSHIP' | 'EITHER' | 'PANEL'> = {
  ADM: 'EITHER',
  PPM_LEAD: 'AUTHORITY',
  FAMILY_FINDER: 'PARTNERSHIP',
  PANEL_MEMBER: 'PANEL',
  BOARD_DIRECTOR: 'PARTNERSHIP',
  SUPPORT_WORKER: 'PARTNERSHIP',
  AUDITOR: 'EITHER',
  ACCESS_ADMIN: 'PARTNERSHIP',
};

/**
 * Separation of duties (Adoption Agencies Regulations 2005, reg 30B(3): no member of the panel may take part in the
 * decision): the roles one person never holds on the same day — those who recommend to the agency decision maker,
 * and the decision maker. A grant that would join them is refused, not merely flagged, since every decision made on
 * those days would be open to challenge. (The ADM policy refuses the decision itself where a panel they sat on
 * recommended.)
 */
export const SEPARATE_DUTIES: Partial<Record<Role, Role>> = { ADM: 'PANEL_MEMBER', PANEL_MEMBER: 'ADM' };

/** Where the staff directory says an assignment is held: its authority, or the partnership for one held for none. */
const PARTNERSHIP_SCOPE = 'PARTNERSHIP';
export type DirectoryScope = Authority | typeof PARTNERSHIP_SCOPE;
export const directoryScopeOf = (authority: Authority | null): DirectoryScope => authority ?? PARTNERSHIP_SCOPE;

/**
 * Who an ADM may name on a restricted record: staff who work with children's cases. The board, the auditors and the
 * access administrator never read a child's record, named or not.
 */
export const NAMEABLE_ROLES: readonly Role[] = ['ADM', 'PPM_LEAD', 'FAMILY_FINDER', 'PANEL_MEMBER', 'SUPPORT_WORKER'];
