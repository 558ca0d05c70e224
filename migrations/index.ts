import { Baseline1795400002800 } from './1795400002800-baseline';

/** In order. A landed migration is never edited (migrations/landed.json holds each one's hash): add a new one. */
export const MIGRATIONS = [Baseline1795400002800];
