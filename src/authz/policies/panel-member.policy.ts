import {
  CHILD_BIRTH_FAMILY_FIELDS,
  CHILD_CASE_FIELDS,
  CHILD_FIELDS_FOR_PANEL,
  HOUSEHOLD_CASE_FIELDS,
  HOUSEHOLD_CRIMINAL_OFFENCE_FIELDS,
  HOUSEHOLD_FIELDS_FOR_PANEL,
} from '../field-classes';
import { DIRECTORY_ENTRY_FIELDS } from '../directory-fields';
import { CHILD_RECORD_SUBJECTS, HOUSEHOLD_RECORD_SUBJECTS } from '../vocabulary';
import type { DefinePermissions } from './policy';

/**
 * Panel member (chair, vice chair, member or adviser of one panel).
 * Reads the cases on the agendas of their own panel's meetings while the papers are open — from
 * release until 7 days after the meeting (the facts carry only those) — seeing first names and ages
 * but no other identity; a child's birth family only while its match is before them, and a household's
 * DBS outcome only while its approval is (docs/domain.md, "Statutory grounds"). A member sees the agenda
 * items while their papers are open; the chair, vice chair and adviser see every item of their panel. The
 * adviser schedules agenda items (and so reads the proposed matches and the households ready for panel);
 * the chair or vice chair records recommendations, from the meeting until the papers close, and the
 * six-monthly report-quality feedback. The chair, vice chair and adviser read, in the staff directory, who sits on
 * their panel today, and the panel's seats. Panels recommend; they never decide. Any member may declare an interest
 * in an item of their panel until its papers close: the facts then leave its case out, so its papers close to them
 * at once, and a chair or vice chair who declared may not record its recommendation. The chair, vice chair and
 * adviser read the declarations on their panel's items.
 */
export const panelMemberPolicy: DefinePermissions = ({ panelId, panelRole }, { facts, today }, { can, cannot }) => {
  if (panelId === null) return;
  can('read', 'Panel', { id: panelId });
  can('read', 'PanelMeeting', { panelId });
  const agendaChildren = [...facts.panelChildIds];
  const agendaHouseholds = [...facts.panelHouseholdIds];
  can('read', 'Child', CHILD_FIELDS_FOR_PANEL, { id: { $in: agendaChildren } }).because('NOT_ON_AGENDA');
  can('read', CHILD_RECORD_SUBJECTS, { childId: { $in: agendaChildren } });
  can('read', 'Household', HOUSEHOLD_FIELDS_FOR_PANEL, { id: { $in: agendaHouseholds } }).because('NOT_ON_AGENDA');
  if (panelRole !== 'ADVISER') can('read', HOUSEHOLD_RECORD_SUBJECTS, { householdId: { $in: agendaHouseholds } });
  can('read', 'Match', { id: { $in: [...facts.panelMatchIds] } });
  // The panel considering a match reads the child's permanence report: the birth family, still no other identity.
  // (Each rule grants the case fields too, so that lists stay filterable by them.)
  can('read', 'Child', [...CHILD_CASE_FIELDS, ...CHILD_BIRTH_FAMILY_FIELDS], { id: { $in: [...facts.panelMatchChildIds] } });
  // The panel recommending on a household's approval, review or termination reads what its DBS checks found.
  const approvalHouseholds = [...facts.panelApprovalHouseholdIds];
  can('read', 'Household', [...HOUSEHOLD_CASE_FIELDS, ...HOUSEHOLD_CRIMINAL_OFFENCE_FIELDS], { id: { $in: approvalHouseholds } });

  if (panelRole === 'MEMBER') {
    can('read', 'AgendaItem', { panelId, papersReleasedOn: { $lte: today }, windowClosesOn: { $gte: today } });
  } else {
    // The officers run the panel's business: they see every item of its agendas (the cases' papers stay windowed),
    // and who sits on the panel.
    can('read', 'AgendaItem', { panelId });
    can('read', 'StaffMember', DIRECTORY_ENTRY_FIELDS, { livePanelIds: panelId }).because('NOT_YOUR_PANEL');
    can('read', 'RoleAssignment', { panelId }).because('NOT_YOUR_PANEL');
  }
  // The panel that made a recommendation reads it on the match or household, wherever it reads the item.
  const papersOpen = { papersReleasedOn: { $lte: today }, windowClosesOn: { $gte: today } };
  can('read', 'PanelRecommendationView', panelRole === 'MEMBER' ? { panelId, ...papersOpen } : { panelId });
  can('declare', 'AgendaItem', { panelId }).because('NOT_YOUR_PANEL');
  cannot('declare', 'AgendaItem', { panelId, windowClosesOn: { $lt: today } }).because('PANEL_WINDOW_CLOSED');
  if (panelRole !== 'MEMBER') can('read', 'InterestDeclaration', { panelId });
  if (panelRole === 'ADVISER') {
    can('create', 'AgendaItem', { panelId }).because('NOT_YOUR_PANEL');
    // What awaits panel: proposed matches, households ready for approval or review (case fields only), and
    // households' stage histories and decisions (case information, no identity).
    can('read', 'Match', { status: 'PROPOSED' });
    can('read', 'Household', [...HOUSEHOLD_CASE_FIELDS], { stage: { $in: ['PANEL', 'APPROVED'] } });
    can('read', HOUSEHOLD_RECORD_SUBJECTS);
  }
  if (panelRole === 'CHAIR' || panelRole === 'VICE_CHAIR') {
    // Each refusal names its own rule: another panel's item is not theirs to recommend on; their own panel's
    // item is outside the recommendation window before the meeting and once its papers close.
    can('recommend', 'AgendaItem', { panelId }).because('NOT_CHAIR_OF_THIS_PANEL');
    // A positive recommendation on a match moves the match, and its child, to "match recommended".
    can('recommend', 'Match', { id: { $in: [...facts.panelMatchIds] } }).because('NOT_ON_AGENDA');
    can('recommend', 'Child', { id: { $in: agendaChildren } }).because('NOT_ON_AGENDA');
    cannot('recommend', 'AgendaItem', { panelId, meetingOn: { $gt: today } }).because('PANEL_WINDOW_CLOSED');
    cannot('recommend', 'AgendaItem', { panelId, windowClosesOn: { $lt: today } }).because('PANEL_WINDOW_CLOSED');
    cannot('recommend', 'AgendaItem', { id: { $in: [...facts.declaredItemIds] } }).because('DECLARED_AN_INTEREST');
    can(['read', 'create'], 'ReportQualityFeedback', { panelId }).because('NOT_YOUR_PANEL');
  }
};
