import { HOUSEHOLD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * PPM lead: reads, creates and updates the children of their linked authority and records their
 * milestones (allocation, orders, placements, plan change, disruption); decides nothing. Reads the
 * households proposed for those children, to record their placements; those steps also record the match's
 * status and move its household along its journey.
 */
export const ppmLeadPolicy: DefinePermissions = ({ authority }, _input, { can }) => {
  if (authority === null) return;
  can(['read', 'create', 'update', 'record'], 'Child', { authority }).because('OTHER_AUTHORITY');
  can('read', CHILD_RECORD_SUBJECTS, { authority });
  can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK, { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
  can('read', HOUSEHOLD_RECORD_SUBJECTS, { 'household.proposedFor': authority });
  // What their steps change besides the child: the match's status (placed, disrupted, adopted, withdrawn by a
  // plan change) and the stage of the household it links.
  can('record', 'Match', { authority }).because('OTHER_AUTHORITY');
  can('record', 'Household', { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
};
