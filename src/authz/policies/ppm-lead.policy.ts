import { DIRECTORY_ENTRY_FIELDS } from '../directory-fields';
import { HOUSEHOLD_CASE_FIELDS, HOUSEHOLD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * PPM lead: reads, creates and updates the children of their linked authority and records their
 * milestones (allocation, orders, placements, plan change, disruption); decides nothing. Reads the
 * households proposed for those children, to record their placements, and the case fields of dually
 * approved carers, with whom a child may be fostered for adoption before any proposal. Those steps also
 * record the match's status and move its household along its journey. In the staff directory, reads the family
 * finders active today, and their family-finder roles, to allocate children to them.
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
  // Fostering for adoption while adoption is only being considered: the PPM lead names dually approved carers,
  // proposed for no child yet, and reads their case fields (docs/domain.md, "Statutory grounds").
  can('read', 'Household', [...HOUSEHOLD_CASE_FIELDS], { earlyPermanence: true, stage: { $in: ['APPROVED', 'MATCHED'] } });
  can('read', 'StaffMember', DIRECTORY_ENTRY_FIELDS, { liveRoles: 'FAMILY_FINDER', active: true }).because('NOT_AN_ACTIVE_FAMILY_FINDER');
  can('read', 'RoleAssignment', { role: 'FAMILY_FINDER' }).because('NOT_A_FAMILY_FINDER_ROLE');
};
