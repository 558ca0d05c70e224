import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { SEPARATE_DUTIES } from '../authz/role-holding';
import type { Authority, Role } from '../authz/vocabulary';
import { badUserInput, conflict, notFound } from '../graphql/errors';
import { checkAll, parseId } from '../graphql/input-rules';
import { RoleAssignmentRecord } from './role-assignment.entity';
import { StaffRecord } from './staff.entity';

/** The member of staff a role is given to: they exist and are active. */
export async function activeStaffMember(manager: EntityManager, field: string, id: string): Promise<StaffRecord> {
  const staffId = parseId(field, id);
  const staff = await manager.findOneBy(StaffRecord, { id: staffId });
  if (!staff) throw notFound('StaffMember', staffId);
  if (!staff.active) throw badUserInput(field, 'a deactivated member of staff holds no role');
  return staff;
}

/** A role's first and last day: from today or later, the last not before the first (each at fault named). */
export function assertGrantDates(today: string, validFrom: string, validTo: string | null): void {
  checkAll(
    () => {
      if (validFrom < today) throw badUserInput('validFrom', 'a role is granted from today or later');
    },
    () => {
      if (validTo !== null && validTo < validFrom) throw badUserInput('validTo', 'must not be before validFrom');
    },
  );
}

type Scope = { staffId: string; role: Role; authority: Authority | null; panelId: string | null };

/** The assignments whose days meet `validFrom`…`validTo` (none: open). */
const meetingDays = (query: SelectQueryBuilder<RoleAssignmentRecord>, validFrom: string, validTo: string | null) =>
  query.andWhere(`a.validFrom <= coalesce(:validTo::date, 'infinity') AND :validFrom <= coalesce(a.validTo, 'infinity')`, {
    validFrom,
    validTo,
  });

/** The same role in the same scope is never held twice on one day (the database's trigger refuses it too). */
export async function assertNoOverlap(manager: EntityManager, scope: Scope, validFrom: string, validTo: string | null): Promise<void> {
  const sameScope = manager
    .createQueryBuilder(RoleAssignmentRecord, 'a')
    .where('a.staffId = :staffId AND a.role = :role', scope)
    .andWhere('a.authority IS NOT DISTINCT FROM :authority AND a.panelId IS NOT DISTINCT FROM :panelId', scope);
  const overlapping = await meetingDays(sameScope, validFrom, validTo).getExists();
  if (overlapping) throw conflict('ROLE_ALREADY_HELD', 'This member of staff already holds this role in this scope on some of these days');
}

/** Refuses a grant that would join roles `SEPARATE_DUTIES` keeps apart on some day. */
export async function assertSeparateDuties(
  manager: EntityManager,
  staffId: string,
  role: Role,
  validFrom: string,
  validTo: string | null,
): Promise<void> {
  const other = SEPARATE_DUTIES[role];
  if (!other) return;
  const otherRole = manager
    .createQueryBuilder(RoleAssignmentRecord, 'a')
    .where('a.staffId = :staffId AND a.role = :other', { staffId, other });
  const both = await meetingDays(otherRole, validFrom, validTo).getExists();
  if (both) {
    throw badUserInput('role', 'separation of duties (reg 30B(3)): a panel member is never an Agency Decision Maker on the same days');
  }
}
