import type { Authority, Role } from '../../authz/vocabulary';
import { ukDayEnd, ukDayStart } from './uk-days';

export const ROLES: readonly Role[] = [
  'ADM',
  'PPM_LEAD',
  'FAMILY_FINDER',
  'PANEL_MEMBER',
  'SUPPORT_WORKER',
  'BOARD_DIRECTOR',
  'AUDITOR',
  'ACCESS_ADMIN',
];
export const AUTHORITIES: readonly Authority[] = ['BEXLEY', 'KENT', 'MEDWAY'];

/** The access-log browser's filters, as typed: empty means any. Days are UK days, both included. */
export type LogFilterInput = {
  staffId: string;
  role: string;
  action: string;
  subjectType: string;
  outcome: string;
  authority: string;
  from: string;
  to: string;
};

/** `auditEvents`' filter from the form: only what was filled in, days as the instants they start and end. */
export function auditFilter(input: LogFilterInput): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const key of ['staffId', 'role', 'action', 'subjectType', 'outcome', 'authority'] as const)
    if (input[key].trim()) filter[key] = input[key].trim();
  if (input.from) filter.from = ukDayStart(input.from);
  if (input.to) filter.to = ukDayEnd(input.to);
  return filter;
}

/** The fields `npm run audit:export` writes, so that an export from the page reads like one from the tool. */
const EVENT_FIELDS =
  'id at staffId role action outcome subjectType subjectId subjectIds authorities fields reason changes criteria policyVersion requestId clientRequestId chain seq hash';

export const AUDIT_EVENTS_QUERY = `query AccessLog($first: Int!, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { ${EVENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export type AuditEventNode = Record<string, unknown> & { id: string; at: string };
export type AuditEventPage = {
  totalCount: number;
  edges: { node: AuditEventNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** The export's columns (src/app/cli/audit-export.cli.ts) and the event field each is read from. */
export const EXPORT_COLUMNS: [string, string][] = [
  ['id', 'id'],
  ['at', 'at'],
  ['staff_id', 'staffId'],
  ['roles', 'role'],
  ['action', 'action'],
  ['outcome', 'outcome'],
  ['subject_type', 'subjectType'],
  ['subject_id', 'subjectId'],
  ['subject_ids', 'subjectIds'],
  ['authorities', 'authorities'],
  ['fields', 'fields'],
  ['reason', 'reason'],
  ['changes', 'changes'],
  ['criteria', 'criteria'],
  ['policy_version', 'policyVersion'],
  ['request_id', 'requestId'],
  ['client_request_id', 'clientRequestId'],
  ['chain', 'chain'],
  ['seq', 'seq'],
  ['hash', 'hash'],
];

/** An event's value as the export writes it: arrays and objects as JSON, nothing as an empty cell. */
export function exportCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
