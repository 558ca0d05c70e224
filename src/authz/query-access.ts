import type { SubjectType } from './vocabulary';

/**
 * Every query's question to the policy: the subject it reads, refused FORBIDDEN before any lookup to a role that may
 * never read it (docs/api-contract.md, "Refusal order"); null for what every member of staff may ask (their own
 * entry, rules, work and controls, and `node`, which looks only among the kinds the caller may read). The per-role views of
 * the contract (schema/roles/) are written from it; a test fails when a query has no row, and when a role is answered
 * other than its view says.
 */
export const QUERY_ACCESS: Record<string, SubjectType | null> = {
  auditEvents: 'AuditEvent',
  boardPerformance: 'BoardPerformance',
  child: 'Child',
  children: 'Child',
  emergencyAccessReviews: 'EmergencyAccess',
  household: 'Household',
  households: 'Household',
  match: 'Match',
  matches: 'Match',
  me: null,
  myAccessRules: null,
  myPermissions: null,
  myWork: null,
  node: null,
  panelMeeting: 'PanelMeeting',
  panels: 'Panel',
  pooledBudget: 'PooledBudget',
  restrictedRecords: 'ChildRestriction',
  staffMembers: 'StaffMember',
  supportRequest: 'SupportRequest',
  supportRequests: 'SupportRequest',
  viewerCanCreate: null,
};
