import type { GuardedSubject } from '../access/guarded';
import { RoleAssignmentRecord } from './role-assignment.entity';
import { StaffRecord } from './staff.entity';
import type { RoleAssignment, StaffMember } from './staff.types';

/** An assignment as GraphQL shows it, field by field. */
export function presentAssignment(r: RoleAssignmentRecord): RoleAssignment {
  return {
    id: r.id,
    role: r.role,
    authority: r.authority,
    panelId: r.panelId,
    panelRole: r.panelRole,
    validFrom: r.validFrom,
    validTo: r.validTo,
    delegatedFrom: r.delegatedFrom,
    grantedBy: r.grantedBy,
    reason: r.reason,
  };
}

/** A member of staff with their account, as the access administrator sees them. */
export function presentStaffMember(r: StaffRecord): StaffMember {
  return { id: r.id, displayName: r.displayName, username: r.username, email: r.email, active: r.active, deactivatedOn: r.deactivatedOn };
}

/** Whether an assignment has not ended by `today`: it holds today, or will. */
export const notEndedBy = (today: string) => (a: { validTo: string | null }) => a.validTo === null || a.validTo >= today;

export const STAFF_MEMBER: GuardedSubject<StaffRecord, StaffMember> = {
  subjectType: 'StaffMember',
  entity: StaffRecord,
  alias: 'staff',
  present: (_ctx, record) => presentStaffMember(record),
};

export const ROLE_ASSIGNMENT: GuardedSubject<RoleAssignmentRecord, RoleAssignment> = {
  subjectType: 'RoleAssignment',
  entity: RoleAssignmentRecord,
  alias: 'assignment',
  present: (_ctx, record) => presentAssignment(record),
};
