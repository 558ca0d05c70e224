import { graphqlEnum } from '../graphql/enums';
import { SUBJECT_TYPES } from '../authz/vocabulary';
import { AUDIT_OUTCOMES, type AuditOutcome } from './audit-event.entity';

/** The access log's enums. */
export const AuditOutcomeEnum = graphqlEnum(
  AUDIT_OUTCOMES,
  'AuditOutcome',
  'Whether the access-log event records access given or refused.',
  {
    ALLOWED: 'The read, change, import or export took place.',
    REFUSED: 'The request was refused (FORBIDDEN, or NOT_FOUND for a record out of reach); the refused work was rolled back.',
  },
);

/** What an event records; an allowed event's `action` is its kind in lower case. */
export const AUDIT_EVENT_KINDS = ['READ', 'CREATE', 'UPDATE', 'DELETE', 'TRUNCATE', 'IMPORT', 'EXPORT', 'REFUSAL'] as const;
export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

export const AuditEventKindEnum = graphqlEnum(AUDIT_EVENT_KINDS, 'AuditEventKind', 'What an access-log event records.', {
  READ: 'A read of sensitive fields (identifying, special-category, criminal-offence or birth-family), or of the access log itself.',
  CREATE: 'A record written, by a request (the database’s triggers log it in the same transaction).',
  UPDATE: 'A record changed: the columns that changed, the case-class values before and after, the others withheld.',
  DELETE: 'A record deleted (adoption records are closed, not deleted: this is rare and always logged).',
  TRUNCATE: 'A table emptied at once.',
  IMPORT:
    'A bulk import by the table’s owner (the demo data, a migration from a council’s former system): one event per statement, table and authority.',
  EXPORT: 'An export of the access log (npm run audit:export): the period, the authority and the number of events.',
  REFUSAL: 'A refused request: its action names the field or mutation refused, its reason the refusal’s reason.',
});

/** The kind of an event as stored: a refusal whatever its action, else its action in upper case. */
export function auditEventKind(action: string, outcome: AuditOutcome): AuditEventKind {
  return outcome === 'REFUSED' ? 'REFUSAL' : (action.toUpperCase() as AuditEventKind);
}

/**
 * Every kind of record the log names: the policy's subjects, the tables whose triggers log their rows under a name
 * of their own, `Operation` (a refusal before any record was looked at) and `Node` (a `node(id)` lookup refused:
 * missing or out of reach, its kind untold to the caller).
 */
export const AUDIT_SUBJECT_TYPES = [
  ...SUBJECT_TYPES,
  'Staff',
  'BudgetYear',
  'BudgetContribution',
  'EmergencyAccessBar',
  'IllustrativeCount',
  'Node',
  'Operation',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export const AuditSubjectTypeEnum = graphqlEnum(
  AUDIT_SUBJECT_TYPES,
  'AuditSubjectType',
  'The kind of record an access-log event is about.',
  {
    Child: 'A child’s record.',
    ChildRestriction: 'A restriction of a child’s record to named staff.',
    ChildDecision: 'An ADM’s decision on a child: adoption as the plan, or a match.',
    Allocation: 'A family finder’s allocation to a child.',
    PlacementOrder: 'Authority to place: a placement order or formal consent.',
    Placement: 'A placement: early permanence or adoptive.',
    Disruption: 'A disruption of a placement and its meeting.',
    Match: 'A match of a child with a household.',
    Household: 'An adopter household’s record.',
    HouseholdDecision: 'The partnership ADM’s decision on a household.',
    HouseholdStageEvent: 'A stage a household entered.',
    Panel: 'An adoption panel.',
    PanelMeeting: 'A meeting of a panel.',
    AgendaItem: 'A case on a meeting’s agenda, with its recommendation.',
    PanelRecommendationView: 'What a decision maker reads of a panel’s recommendation.',
    ReportQualityFeedback: 'A panel’s six-monthly feedback on the quality of reports.',
    InterestDeclaration: 'A panel member’s declaration of an interest in a case.',
    SupportRequest: 'A call for adoption support.',
    SupportAssessment: 'An adoption support assessment.',
    BoardPerformance: 'The board’s performance aggregates.',
    PooledBudget: 'The pooled budget, as the board reads it.',
    AuditEvent: 'The access log itself: a read or an export of it.',
    StaffMember: 'A staff directory entry.',
    RoleAssignment: 'A role held by a member of staff for dates.',
    EmergencyAccess: 'A break-glass read of a child out of reach, and its review.',
    Staff: 'A member of staff’s account.',
    BudgetYear: 'A financial year of the pooled budget.',
    BudgetContribution: 'An authority’s contribution to a year’s pooled budget.',
    EmergencyAccessBar: 'A bar on breaking glass, set by a review that found an emergency access not justified.',
    IllustrativeCount: 'A figure of the demo data marked illustrative.',
    Operation: 'A refused operation, before any record was looked at.',
    Node: 'A record asked for by node(id) and not found: missing or out of reach, its kind not told to the caller.',
  },
);
