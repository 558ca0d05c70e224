import { HOUSEHOLD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * Agency Decision Maker.
 * An authority's ADM reads that authority's children (every field class) and what hangs off them,
 * decides that a child should be placed for adoption and decides matches, and reads the households
 * proposed for its children.
 * The partnership ADM (authority null, the Head of APSE) reads households, not children, and decides
 * adopter approvals after panel; it also receives the panels' report-quality feedback.
 */
export const admPolicy: DefinePermissions = ({ authority }, _input, { can }) => {
  if (authority === null) {
    can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK);
    can('read', HOUSEHOLD_RECORD_SUBJECTS);
    can('approve', 'Household');
    can('read', 'ReportQualityFeedback');
    return;
  }
  can('read', 'Child', { authority }).because('OTHER_AUTHORITY');
  can('read', CHILD_RECORD_SUBJECTS, { authority });
  can('decide', ['Child', 'Match'], { authority }).because('OTHER_AUTHORITY');
  // An approving match decision moves the household it links to MATCHED.
  can('decide', 'Household', { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
  can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK, { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
  can('read', HOUSEHOLD_RECORD_SUBJECTS, { 'household.proposedFor': authority });
};
