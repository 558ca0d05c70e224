import type { DefinePermissions } from './policy';

/**
 * Board directors and auditors read no case record of any kind: their views (aggregates, the access
 * log) are granted with those subjects.
 */
export const noCaseworkPolicy: DefinePermissions = () => {};
