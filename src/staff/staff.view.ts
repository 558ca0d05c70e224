import type { GuardedSubject } from '../access/guarded';
import { guardNamedFields } from '../access/field-guard';
import type { AppAbility } from '../authz/ability';
import { RoleAssignmentRecord } from './role-assignment.entity';
import { StaffDirectoryEntryRecord } from './staff-directory-entry.entity';
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

/** A member of staff with the fields of their account the actor may read (the others null). */
export function presentStaffMember(ability: AppAbility, r: StaffRecord | StaffDirectoryEntryRecord): StaffMember {
  const view = {
    id: r.id,
    displayName: r.displayName,
    username: r.username,
    email: r.email,
    active: r.active,
    deactivatedOn: r.deactivatedOn,
  };
  return guardNamedFields(ability, r, view);
}

/** Whether an assignment has not ended by `today`: it holds today, or will. */
export const notEndedBy = (today: string) => (a: { validTo: string | null }) => a.validTo === null || a.validTo >= today;

/** Members of staff as the directory shows them on the request's day: what is read, and the record a change finds. */
export const STAFF_MEMBER: GuardedSubject<StaffDirectoryEntryRecord, StaffMember> = {
  subjectType: 'StaffMember',
  entity: StaffDirectoryEntryRecord,
  alias: 'entry',
  present: (ctx, record) => presentStaffMember(ctx.ability, record),
};

/** A member of staff as created: the account alone, holding no role yet. */
export const NEW_STAFF_MEMBER: GuardedSubject<StaffRecord, StaffMember> = {
  subjectType: 'StaffMember',
  entity: StaffRecord,
  alias: 'staff',
  present: (ctx, record) => presentStaffMember(ctx.ability, record),
};

export const ROLE_ASSIGNMENT: GuardedSubject<RoleAssignmentRecord, RoleAssignment> = {
  subjectType: 'RoleAssignment',
  entity: RoleAssignmentRecord,
  alias: 'assignment',
  present: (_ctx, record) => presentAssignment(record),
};
