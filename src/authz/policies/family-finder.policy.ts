import { CHILD_FIELDS_FOR_CASEWORK, HOUSEHOLD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * Family finder (partnership-wide): sees only the children allocated to them, of any authority, without
 * birth-family fields, and proposes matches for them; records every household and its stages.
 */
export const familyFinderPolicy: DefinePermissions = (_assignment, { facts }, { can }) => {
  const allocated = [...facts.allocatedChildIds];
  can('read', 'Child', CHILD_FIELDS_FOR_CASEWORK, { id: { $in: allocated } }).because('NOT_ALLOCATED');
  can('read', CHILD_RECORD_SUBJECTS, { childId: { $in: allocated } });
  can('propose', 'Child', { id: { $in: allocated } }).because('NOT_ALLOCATED');
  can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK);
  can(['create', 'update'], 'Household');
  can('read', HOUSEHOLD_RECORD_SUBJECTS);
};
