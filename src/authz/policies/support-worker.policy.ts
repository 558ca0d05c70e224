import type { DefinePermissions } from './policy';

/** The adoption support team (partnership-wide): support cases of families in any authority; no adoption case record. */
export const supportWorkerPolicy: DefinePermissions = (_assignment, _input, { can }) => {
  can(['read', 'create', 'update'], 'SupportRequest');
  can(['read', 'create'], 'SupportAssessment');
};
