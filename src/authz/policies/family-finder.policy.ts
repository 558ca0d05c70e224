import { CHILD_CASE_FIELDS, CHILD_IDENTIFYING_FIELDS, CHILD_SPECIAL_FIELDS } from '../field-classes';
import type { DefinePermissions } from './policy';

/** Family finder: partnership-wide, but sees only the children allocated to them, without birth-family fields. */
export const familyFinderPolicy: DefinePermissions = (_assignment, facts, { can }) => {
  can('read', 'Child', [...CHILD_CASE_FIELDS, ...CHILD_IDENTIFYING_FIELDS, ...CHILD_SPECIAL_FIELDS], {
    id: { $in: [...facts.allocatedChildIds] },
  }).because('NOT_ALLOCATED');
};
