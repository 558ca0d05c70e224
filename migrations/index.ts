import { Baseline1795400002800 } from './1795400002800-baseline';
import { DatedRoleAssignments1795400002900 } from './1795400002900-dated-role-assignments';

/** In order. A landed migration is never edited (migrations/landed.json holds each one's hash): add a new one. */
export const MIGRATIONS = [Baseline1795400002800, DatedRoleAssignments1795400002900];
