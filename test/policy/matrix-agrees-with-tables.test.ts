import { demoStaff } from '../../seeds/demo-staff';
import { buildAccessMatrix, MATRIX_ROLES, type MatrixCell, type MatrixRole } from '../../src/authz/matrix/access-matrix';
import { ALL_ROWS, checksOf, seesOf, type Check, type FieldView } from './expectations';

/**
 * The generated access matrix and the hand-written role tables say the same thing: what a table allows, the
 * matrix does not refuse (and grants outright where the table's scope needs no condition); what a role may
 * never do, the matrix refuses in every scope; the field classes a table expects are the ones it lists.
 */
const CELLS = buildAccessMatrix();
const UNCONDITIONAL_SCOPES = new Set(['own authority', 'partnership-wide']);
const VIEW_WORDS: Record<FieldView, RegExp> = {
  case: /\bcase\b/,
  identifying: /\bidentifying\b(?! \()/,
  special: /\bspecial\b/,
  criminalOffence: /\bcriminalOffence\b/,
  birthFamily: /\bbirthFamily\b/,
  'first name and age': /identifying \((firstName, ageInYears|applicantFirstNames, applicantAges) only\)/,
};

function matrixRoleOf(username: string): MatrixRole {
  const [assignment] = demoStaff(username).assignments;
  return MATRIX_ROLES.find(
    (r) =>
      r.assignment.role === assignment!.role &&
      r.assignment.panelRole === assignment!.panelRole &&
      (r.assignment.authority === null) === (assignment!.authority === null),
  )!;
}

function cellsOf(check: Check): { cell: MatrixCell; all: MatrixCell[] } {
  const role = matrixRoleOf(check.row.actor);
  const all = CELLS.filter((c) => c.role === role.name && c.subject === check.row.subject && c.action === check.row.action);
  const scope = !role.authorityScoped ? 'any authority' : check.scope === 'another authority' ? 'another authority' : 'own authority';
  return { cell: all.find((c) => c.scope === scope)!, all };
}

describe.each(ALL_ROWS.flatMap(checksOf).map((check) => [check.name, check] as const))('%s', (_name, check) => {
  it('agrees with the access matrix', () => {
    const { cell, all } = cellsOf(check);
    const reason = check.row.expected === 'allowed' ? undefined : check.row.reason;
    if (check.allowed) {
      expect(cell.access).not.toBe('refused');
      if (check.row.expected === 'allowed' && UNCONDITIONAL_SCOPES.has(check.scope)) expect(cell.access).toBe('allowed');
      for (const view of seesOf(check.row) ?? []) expect(cell.fields).toMatch(VIEW_WORDS[view]);
    } else if (reason?.startsWith('ROLE_MAY_NOT_')) {
      expect(all.map((c) => c.access)).toEqual(all.map(() => 'refused'));
    } else {
      expect(cell.access).not.toBe('allowed');
    }
  });
});
