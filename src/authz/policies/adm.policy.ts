import type { DefinePermissions } from './policy';

/**
 * Agency Decision Maker. An authority's ADM reads that authority's children (every field class).
 * The partnership ADM (authority null) decides adopter approvals and reads households, not children.
 */
export const admPolicy: DefinePermissions = ({ authority }, _facts, { can }) => {
  if (authority === null) return;
  can('read', 'Child', { authority }).because('OTHER_AUTHORITY');
};
