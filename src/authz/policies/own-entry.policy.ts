import type { AppAbilityBuilder } from '../ability';
import type { PolicyInput } from './policy';

/**
 * Every member of staff, whatever roles they hold today (none included): reads their own entry in the staff
 * directory and their own role assignments.
 */
export function ownEntryPolicy({ staffId }: PolicyInput, { can }: AppAbilityBuilder): void {
  can('read', 'StaffMember', { id: staffId }).because('NOT_YOURS');
  can('read', 'RoleAssignment', { staffId }).because('NOT_YOURS');
}
