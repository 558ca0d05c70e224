import type { DefinePermissions } from './policy';

/**
 * Access administrator (partnership-wide): gives people their roles and takes them away — creates and deactivates
 * staff, grants, ends and delegates role assignments — and reads no case record of any kind, nor the access log
 * that records what it does.
 */
export const accessAdminPolicy: DefinePermissions = (_assignment, _input, { can }) => {
  can(['read', 'create', 'update'], 'StaffMember');
  can(['read', 'create', 'update'], 'RoleAssignment');
};
