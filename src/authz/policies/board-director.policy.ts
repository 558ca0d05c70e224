import type { DefinePermissions } from './policy';

/**
 * Executive Board director: oversight, not casework. Reads the partnership's aggregate performance
 * (per authority, all three) and the pooled budget; never a row of a child or an adopter.
 */
export const boardDirectorPolicy: DefinePermissions = (_assignment, _input, { can }) => {
  can('read', ['BoardPerformance', 'PooledBudget']);
};
