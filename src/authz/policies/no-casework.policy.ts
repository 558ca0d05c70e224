import type { DefinePermissions } from './policy';

/** Auditors read no case record of any kind: their view, the access log, is granted with that subject. */
export const noCaseworkPolicy: DefinePermissions = () => {};
