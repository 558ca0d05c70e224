import { HOUSEHOLD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * PPM lead: reads, creates and updates the children of their linked authority and records their
 * milestones (allocation, orders, placements, plan change, disruption); decides nothing. Reads the
 * households proposed for those children, to record their placements.
 */
export const ppmLeadPolicy: DefinePermissions = ({ authority }, _input, { can }) => {
  if (authority === null) return;
  can(['read', 'create', 'update', 'record'], 'Child', { authority }).because('OTHER_AUTHORITY');
  can('read', CHILD_RECORD_SUBJECTS, { authority });
  can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK, { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
  can('read', HOUSEHOLD_RECORD_SUBJECTS, { 'household.proposedFor': authority });
};
