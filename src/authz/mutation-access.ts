import type { Action, SubjectType } from './vocabulary';

/** What a mutation asks the policy: may the caller take `action` on the record of `subject` it names, or creates. */
export type MutationAccess<A extends Action = Action> = { readonly action: A; readonly subject: SubjectType };

const ask = <A extends Action>(action: A, subject: SubjectType): MutationAccess<A> => ({ action, subject });

/**
 * Every mutation's question to the policy. The steps ask it from here, `viewerCan` asks the same, and
 * schema/mutation-access.md is written from it (`npm run matrix`); a test fails when a mutation has no row.
 */
export const MUTATION_ACCESS = {
  createChild: ask('create', 'Child'),
  updateChild: ask('update', 'Child'),
  recordAdoptionPlanDecision: ask('decide', 'Child'),
  allocateFamilyFinder: ask('record', 'Child'),
  recordPlacementOrder: ask('record', 'Child'),
  recordEarlyPermanencePlacement: ask('record', 'Child'),
  proposeMatch: ask('propose', 'Child'),
  recordMatchDecision: ask('decide', 'Match'),
  recordPlacement: ask('record', 'Child'),
  recordAdoptionOrder: ask('record', 'Child'),
  recordPlanChange: ask('record', 'Child'),
  recordDisruption: ask('record', 'Child'),
  restrictRecord: ask('restrict', 'Child'),
  requestEmergencyAccess: ask('create', 'EmergencyAccess'),
  reviewEmergencyAccess: ask('update', 'EmergencyAccess'),
  liftEmergencyAccessBar: ask('update', 'EmergencyAccess'),
  createHousehold: ask('create', 'Household'),
  advanceHouseholdStage: ask('update', 'Household'),
  withdrawHousehold: ask('update', 'Household'),
  decideHouseholdApproval: ask('approve', 'Household'),
  scheduleAgendaItem: ask('create', 'AgendaItem'),
  recordPanelRecommendation: ask('recommend', 'AgendaItem'),
  declareInterest: ask('declare', 'AgendaItem'),
  recordReportQualityFeedback: ask('create', 'ReportQualityFeedback'),
  recordSupportRequest: ask('create', 'SupportRequest'),
  recordAdviceLineCall: ask('update', 'SupportRequest'),
  recordSupportAssessment: ask('create', 'SupportAssessment'),
  createStaffMember: ask('create', 'StaffMember'),
  deactivateStaffMember: ask('update', 'StaffMember'),
  grantRole: ask('create', 'RoleAssignment'),
  delegateRole: ask('create', 'RoleAssignment'),
  endRole: ask('update', 'RoleAssignment'),
};

export type MutationName = keyof typeof MUTATION_ACCESS;
