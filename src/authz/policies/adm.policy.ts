import { DIRECTORY_ENTRY_FIELDS } from '../directory-fields';
import { HOUSEHOLD_CASE_FIELDS, HOUSEHOLD_CRIMINAL_OFFENCE_FIELDS, HOUSEHOLD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { HOUSEHOLD_ITEM_KINDS } from '../facts';
import { directoryScopeOf } from '../role-holding';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * Agency Decision Maker.
 * An authority's ADM reads that authority's children (every field class) and what hangs off them,
 * decides that a child should be placed for adoption and decides matches, reading the panel's
 * recommendation on each match (never the panel's meetings or agendas), and reads the households proposed
 * for its children. It restricts its authority's children to the staff it names, and reviews the restrictions.
 * The partnership ADM (authority null, the Head of APSE) reads households, not children, and decides
 * adopter approvals after panel, reading the panel's recommendation on each and, alone of the staff
 * outside panel, what the DBS checks found; it also receives the panels' report-quality feedback.
 * Either reads, in the staff directory, the staff who hold a role for its authority today (the partnership ADM: a
 * role held for no authority), and the roles held for it.
 */
export const admPolicy: DefinePermissions = ({ authority }, { facts }, { can, cannot }) => {
  can('read', 'StaffMember', DIRECTORY_ENTRY_FIELDS, { liveScopes: directoryScopeOf(authority) }).because('OTHER_AUTHORITY');
  can('read', 'RoleAssignment', { authority }).because('OTHER_AUTHORITY');
  if (authority === null) {
    can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK);
    // Criminal-offence data: read by the one who decides approval (docs/domain.md, "Statutory grounds").
    can('read', 'Household', [...HOUSEHOLD_CASE_FIELDS, ...HOUSEHOLD_CRIMINAL_OFFENCE_FIELDS]);
    can('read', HOUSEHOLD_RECORD_SUBJECTS);
    can('approve', 'Household');
    // Separation of duties (reg 30B(3)): no member of the panel takes part in the decision.
    cannot('approve', 'Household', { id: { $in: [...facts.heardHouseholdIds] } }).because('TOOK_PART_IN_THE_RECOMMENDATION');
    // The ADM deciding an approval reads the panel's recommendation on it, its reasons and the meeting's date.
    can('read', 'PanelRecommendationView', { kind: { $in: [...HOUSEHOLD_ITEM_KINDS] } });
    can('read', 'ReportQualityFeedback');
    return;
  }
  can('read', 'Child', { authority }).because('OTHER_AUTHORITY');
  can('read', CHILD_RECORD_SUBJECTS, { authority });
  can('decide', ['Child', 'Match'], { authority }).because('OTHER_AUTHORITY');
  // Restricted records: the ADM restricts their authority's children to named staff and reviews the restrictions.
  can('restrict', 'Child', { authority }).because('OTHER_AUTHORITY');
  can('read', 'ChildRestriction', { authority });
  // Separation of duties (reg 30B(3)): no member of the panel takes part in the decision.
  cannot('decide', 'Match', { id: { $in: [...facts.heardMatchIds] } }).because('TOOK_PART_IN_THE_RECOMMENDATION');
  // An approving match decision moves the household it links to MATCHED.
  can('decide', 'Household', { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
  // The ADM deciding a match reads the panel's recommendation on it, its reasons and the meeting's date.
  can('read', 'PanelRecommendationView', { kind: 'MATCH', childAuthority: authority });
  can('read', 'Household', HOUSEHOLD_FIELDS_FOR_CASEWORK, { proposedFor: authority }).because('NOT_PROPOSED_FOR_YOUR_CHILDREN');
  can('read', HOUSEHOLD_RECORD_SUBJECTS, { 'household.proposedFor': authority });
};
