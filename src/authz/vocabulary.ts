/** The words of the access policy: tenants, roles, actions and subjects. */

export const AUTHORITIES = ['BEXLEY', 'KENT', 'MEDWAY'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const ROLES = [
  'ADM',
  'PPM_LEAD',
  'FAMILY_FINDER',
  'PANEL_MEMBER',
  'BOARD_DIRECTOR',
  'SUPPORT_WORKER',
  'AUDITOR',
  'ACCESS_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const PANEL_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'ADVISER'] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

/**
 * Restricted records: the whole record, to the child's ADM and the staff they name (HIGH_PROFILE, STAFF_CONNECTED,
 * HIGH_RISK); or, sealed at the adoption order (ADOPTION), its identity, birth family and adoptive placement.
 */
export const RESTRICTION_CATEGORIES = ['HIGH_PROFILE', 'STAFF_CONNECTED', 'ADOPTION', 'HIGH_RISK'] as const;
export type RestrictionCategory = (typeof RESTRICTION_CATEGORIES)[number];
export const WHOLE_RECORD_RESTRICTIONS: RestrictionCategory[] = ['HIGH_PROFILE', 'STAFF_CONNECTED', 'HIGH_RISK'];
/** What an emergency access (break-glass) reaches of a record restricted whole: never one connected with a member of staff. */
export const EMERGENCY_REACHABLE_RESTRICTIONS: RestrictionCategory[] = ['HIGH_PROFILE', 'HIGH_RISK'];

/** What a panel hears, in the order of a household's journey: which panel members may see what follows from it (facts.ts). */
export const AGENDA_ITEM_KINDS = ['ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL', 'MATCH', 'APPROVAL_REVIEW', 'TERMINATION'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/**
 * Lower-case verbs; `manage` is never granted.
 * - `record`: a PPM lead's milestones on a child (allocation, orders, placements, plan change, disruption)
 * - `decide`: an ADM's decisions (adoption plan, match)
 * - `propose`: a family finder links a child with a household
 * - `approve`: the partnership ADM's decision on a household
 * - `recommend`: a panel chair's recommendation on an agenda item
 * - `declare`: a panel member's declaration of an interest in an agenda item
 * - `restrict`: an ADM's restriction of a child's record to named staff
 * On an emergency access (break-glass), `create` is breaking glass and `update` its review, or lifting the bar it set.
 */
export const ACTIONS = ['read', 'create', 'update', 'record', 'decide', 'propose', 'approve', 'recommend', 'declare', 'restrict'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * CASL subjects are the GraphQL type names, so one field guard serves every type. `PanelRecommendationView` is
 * what a decision maker reads of an agenda item: the panel's recommendation, its reasons and the meeting's date.
 */
export const SUBJECT_TYPES = [
  'Child',
  'ChildRestriction',
  'ChildDecision',
  'Allocation',
  'PlacementOrder',
  'Placement',
  'Disruption',
  'Match',
  'Household',
  'HouseholdDecision',
  'HouseholdStageEvent',
  'Panel',
  'PanelMeeting',
  'AgendaItem',
  'PanelRecommendationView',
  'ReportQualityFeedback',
  'InterestDeclaration',
  'SupportRequest',
  'SupportAssessment',
  'BoardPerformance',
  'PooledBudget',
  'AuditEvent',
  'StaffMember',
  'RoleAssignment',
  'EmergencyAccess',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Records that hang off a child: they carry its `authority` and `childId`, and whoever reads the child reads them. */
export const CHILD_RECORD_SUBJECTS: SubjectType[] = ['ChildDecision', 'Allocation', 'PlacementOrder', 'Placement', 'Disruption', 'Match'];

/** Records that hang off a household (`householdId`): whoever reads the household reads them. */
export const HOUSEHOLD_RECORD_SUBJECTS: SubjectType[] = ['HouseholdDecision', 'HouseholdStageEvent'];
