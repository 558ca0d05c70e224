import { ChildRecord } from '../children/child.entity';
import { RoleAssignmentRecord } from '../staff/role-assignment.entity';
import { StaffRecord } from '../staff/staff.entity';

export const ENTITIES = [StaffRecord, RoleAssignmentRecord, ChildRecord];
