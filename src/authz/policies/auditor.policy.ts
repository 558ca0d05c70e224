import type { DefinePermissions } from './policy';

/** Auditor (information governance): reads the access log, and nothing else — no case record of any kind. */
export const auditorPolicy: DefinePermissions = (_assignment, _input, { can }) => {
  can('read', 'AuditEvent');
};
