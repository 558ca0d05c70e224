import { ACCESS_ADMIN } from './access-admin';
import { ADM } from './adm';
import { AUDITOR } from './auditor';
import { BOARD_DIRECTOR } from './board-director';
import { FAMILY_FINDER } from './family-finder';
import { PANEL_MEMBER } from './panel-member';
import { PARTNERSHIP_ADM } from './partnership-adm';
import { PPM_LEAD } from './ppm-lead';
import { SUPPORT_WORKER } from './support-worker';
import type { Scope } from './scopes';
import type { FieldView, RoleTable, Row } from './types';

/** The access policy as docs/domain.md states it, one table a role: what both role-table suites check. */
export const ROLE_TABLES: RoleTable[] = [
  ADM,
  PARTNERSHIP_ADM,
  PPM_LEAD,
  FAMILY_FINDER,
  PANEL_MEMBER,
  BOARD_DIRECTOR,
  SUPPORT_WORKER,
  AUDITOR,
  ACCESS_ADMIN,
];

export const ALL_ROWS: Row[] = ROLE_TABLES.flatMap((table) => table.rows);

/**
 * One check of a row, in one scope: an allowed-if row is allowed in its scope and refused in the others. Its id
 * is the row's (rowIdOf), and for a scope an allowed-if row is refused in, the row's id '@' that scope.
 */
export type Check = { id: string; name: string; row: Row; scope: Scope; allowed: boolean };

const slug = (words: string) => words.replace(/’/g, '').replace(/\s+/g, '-');

/**
 * A row's stable id, from what it is about and never from its wording: the actor, action, subject and scope, and
 * the authority and step where the row names them ('adm.kent/read/Child/another-authority/MEDWAY').
 */
export function rowIdOf(row: Row): string {
  return [row.actor, row.action, row.subject, slug(row.scope), row.authority, row.via].filter(Boolean).join('/');
}

export function checksOf(row: Row): Check[] {
  const id = rowIdOf(row);
  if (row.expected !== 'allowed-if') {
    return [{ id, name: row.rule, row, scope: row.scope, allowed: row.expected === 'allowed' }];
  }
  return [
    { id, name: `${row.rule} (allowed ${row.scope})`, row, scope: row.scope, allowed: true },
    ...row.otherwise.map((scope) => ({ id: `${id}@${slug(scope)}`, name: `${row.rule} (refused ${scope})`, row, scope, allowed: false })),
  ];
}

/** What the actor sees of a child or household, for rows that allow a read. */
export function seesOf(row: Row): FieldView[] | undefined {
  return row.expected === 'refused' ? undefined : row.sees;
}

/** The refusal reason a row names, if any. */
export function reasonOf(row: Row): string | undefined {
  return row.expected === 'allowed' ? undefined : row.reason;
}

export { fixtureFor, fixtureKey, TODAY, WINDOWS } from './scopes';
export type { Fixture, Scope } from './scopes';
export { FIRST_NAME_AND_AGE } from './types';
export type { FieldView } from './types';
