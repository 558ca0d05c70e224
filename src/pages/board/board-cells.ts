import type { Cell } from '../common/csv';
import type { Row } from './board-data';
import { AUTHORITIES, AUTHORITY_NAMES } from './figures';

export const PARTNERSHIP = 'Partnership';
/** The authorities, then the partnership (authority null), as the papers order their rows. */
export const ORDER = [...AUTHORITIES, null];

export const authorityName = (authority: unknown) =>
  authority === null ? PARTNERSHIP : (AUTHORITY_NAMES[String(authority)] ?? String(authority));
export const rowFor = (rows: Row[] | null | undefined, authority: string | null) => rows?.find((r) => (r.authority ?? null) === authority);

export const withheld: Cell = { suppressed: true };

/** A figure as shown, marked when it is illustrative (generated for the demonstration, not published). */
export function marked(value: number | string, illustrative: boolean): Cell {
  return illustrative ? { value, illustrative: true } : value;
}

/** The note a table carries when any of its cells is illustrative. */
export function illustrativeNotes(rows: Cell[][]): string[] {
  const any = rows.some((row) => row.some((c) => c !== null && typeof c === 'object' && 'illustrative' in c));
  return any ? ['Figures marked (illustrative) are generated for the demonstration, not published.'] : [];
}
