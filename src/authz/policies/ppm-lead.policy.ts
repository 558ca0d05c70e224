import type { DefinePermissions } from './policy';

/** PPM lead: reads and records the children of their linked authority; decides nothing. */
export const ppmLeadPolicy: DefinePermissions = ({ authority }, _facts, { can }) => {
  if (authority === null) return;
  can(['read', 'create', 'update'], 'Child', { authority }).because('OTHER_AUTHORITY');
};
