import { StaffAndRoles1795400000000 } from './1795400000000-staff-and-roles';
import { Children1795400000100 } from './1795400000100-children';

/** In order. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [StaffAndRoles1795400000000, Children1795400000100];
