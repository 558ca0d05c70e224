import type { DefinePermissions } from './policy';

/**
 * Auditor (information governance): reads the access log, and nothing else — no case record of any kind.
 * Each partner council is the data controller for its own children: its auditor (an assignment with an
 * authority) reads the events about that authority's children and staff; the partnership's auditor reads all.
 */
export const auditorPolicy: DefinePermissions = (assignment, _input, { can }) => {
  if (assignment.authority) can('read', 'AuditEvent', { authorities: assignment.authority }).because('ANOTHER_AUTHORITYS_EVENTS');
  else can('read', 'AuditEvent');
};
