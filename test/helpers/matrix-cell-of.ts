import { demoStaff } from '../../seeds/demo-staff';
import { MATRIX_ROLES, type MatrixCell, type MatrixRole } from '../../src/authz/matrix/access-matrix';
import type { Check } from '../policy/expectations';

/** The scopes whose record is of an authority other than the actor's: the matrix's "another authority". */
const OTHER_AUTHORITY_SCOPES = new Set([
  'another authority',
  'staff of another authority',
  'their emergency access to a child out of their reach',
]);

export const cellKey = (c: Pick<MatrixCell, 'role' | 'scope' | 'subject' | 'action'>) =>
  `${c.role} — ${c.scope} | ${c.subject} | ${c.action}`;

/** The one role of the matrix a demo member of staff holds: their first assignment, in its capacity. */
export function matrixRoleOf(username: string): MatrixRole {
  const [assignment] = demoStaff(username).assignments;
  const roles = MATRIX_ROLES.filter(
    (r) =>
      r.assignment.role === assignment!.role &&
      r.assignment.panelRole === assignment!.panelRole &&
      (r.assignment.authority === null) === (assignment!.authority === null),
  );
  if (roles.length !== 1) throw new Error(`${username} holds ${roles.length} roles of the matrix: ${roles.map((r) => r.name).join(', ')}`);
  return roles[0]!;
}

/**
 * The cell of the matrix that decides a check of the role tables (its role, scope, subject and action), and every
 * cell of that role, subject and action (its other scopes).
 */
export function matrixCellOf(check: Check, cells: MatrixCell[]): { cell: MatrixCell; all: MatrixCell[] } {
  const role = matrixRoleOf(check.row.actor);
  const all = cells.filter((c) => c.role === role.name && c.subject === check.row.subject && c.action === check.row.action);
  const scope = !role.authorityScoped ? 'any authority' : OTHER_AUTHORITY_SCOPES.has(check.scope) ? 'another authority' : 'own authority';
  const found = all.filter((c) => c.scope === scope);
  if (found.length !== 1) throw new Error(`${found.length} cells of the matrix for ${cellKey({ ...check.row, role: role.name, scope })}`);
  return { cell: found[0]!, all };
}
