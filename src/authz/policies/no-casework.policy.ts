import type { DefinePermissions } from './policy';

/**
 * Board directors, support workers and auditors read no adoption case record: their views
 * (aggregates, support cases, the access log) come with later subjects.
 */
export const noCaseworkPolicy: DefinePermissions = () => {};
