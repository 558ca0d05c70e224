import type { MatrixCell } from '../../src/authz/matrix/access-matrix';
import type { EvidenceRow, ProvingTest, RuleCoverage, TestOutcome } from '../../src/audit/policy-evidence';
import { cellKey, matrixCellOf, matrixRoleOf } from '../helpers/matrix-cell-of';
import type { RuleUsesOfFile } from '../helpers/rule-coverage';
import { checksOf, reasonOf, ROLE_TABLES, type Check } from '../policy/expectations';

/** What Jest's JSON reporter writes (`--json`), as far as the evidence reads it. */
export type JestResults = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; fullName: string; status: string }[] }[];
};

/** The suites that run the role tables, one test a check: in memory, through the API, and against the access matrix. */
export const ROLE_TABLE_SUITES = [
  'test/policy/role-tables.test.ts',
  'test/api/role-tables.api.test.ts',
  'test/policy/matrix-agrees-with-tables.test.ts',
];

/**
 * The policy's tests: the role tables' suites and the rest of test/policy/, but the rule-coverage test, whose verdict
 * needs the whole suite (the API tests of break-glass, restricted records and the journey exercise rules no row reaches).
 */
export const POLICY_TESTS = ['test/policy', 'test/api/role-tables.api.test.ts', '--testPathIgnorePatterns', 'rule-coverage'];

const outcomeOf = (status: string): TestOutcome => (status === 'passed' || status === 'failed' ? status : 'not run');
const relative = (root: string, path: string) =>
  path
    .slice(root.length + 1)
    .split('\\')
    .join('/');

type TableCheck = { table: string; check: Check };
const TABLE_CHECKS: TableCheck[] = ROLE_TABLES.flatMap(({ role, rows }) => rows.flatMap(checksOf).map((check) => ({ table: role, check })));

/** The tests of the role-table suites that check `check`: each names the check's words as its title or a describe's. */
function provingTests(results: JestResults, root: string, check: Check): ProvingTest[] {
  return results.testResults.flatMap((file) => {
    const path = relative(root, file.name);
    if (!ROLE_TABLE_SUITES.includes(path)) return [];
    return file.assertionResults
      .filter((test) => test.title === check.name || test.ancestorTitles.includes(check.name))
      .map((test) => ({ file: path, name: test.fullName, outcome: outcomeOf(test.status) }));
  });
}

/** The rule of the access matrix that decides a check, in the matrix's words. */
function decidingRule(check: Check, cells: MatrixCell[]): string {
  const { cell } = matrixCellOf(check, cells);
  return `${cellKey(cell)}: ${cell.access}${cell.fields ? ` — ${cell.fields}` : ''}`;
}

type StatedCheck = Pick<EvidenceRow, 'id' | 'sentence' | 'expected' | 'reasonCode'>;

/** What a check states, whatever a run made of it. */
function stated(check: Check): StatedCheck {
  return {
    id: check.id,
    sentence: check.name,
    expected: check.allowed ? 'allowed' : 'refused',
    // A refusal whose row names no reason is out of the actor's reach: NOT_FOUND, as a missing record is.
    reasonCode: check.allowed ? null : (reasonOf(check.row) ?? 'NOT_FOUND'),
  };
}

/** Every check of the role tables as they stand: the committed evidence must state the same. */
export const statedChecks = (): StatedCheck[] => TABLE_CHECKS.map(({ check }) => stated(check));

/** Every check of every role table, as the evidence states it. */
export function evidenceRows(results: JestResults, root: string, cells: MatrixCell[]): EvidenceRow[] {
  return TABLE_CHECKS.map(({ table, check }) => ({
    table,
    role: matrixRoleOf(check.row.actor).name,
    actor: check.row.actor,
    scope: check.scope,
    action: check.row.action,
    subject: check.row.subject,
    ...stated(check),
    rule: decidingRule(check, cells),
    tests: provingTests(results, root, check),
  }));
}

/**
 * Every rule of the policy, the checks of the role tables whose tests exercised it, and whether any test of the
 * run did. A test of the in-memory or API role tables is named by its table's heading and the check's words.
 */
export function ruleCoverage(rules: string[], uses: RuleUsesOfFile[], root: string): RuleCoverage[] {
  const checkOfTest = new Map(TABLE_CHECKS.map(({ table, check }) => [`${table} ${check.name}`, check.id]));
  const rowIds = new Map<string, Set<string>>();
  const exercised = new Set<string>();
  for (const { testPath, tests } of uses) {
    const proves = ROLE_TABLE_SUITES.includes(relative(root, testPath));
    for (const [name, identities] of Object.entries(tests)) {
      const id = proves ? checkOfTest.get(name) : undefined;
      for (const identity of identities) {
        exercised.add(identity);
        if (id) rowIds.set(identity, (rowIds.get(identity) ?? new Set()).add(id));
      }
    }
  }
  return rules.map((rule) => ({
    role: rule.slice(0, rule.indexOf(': ')),
    rule,
    rowIds: [...(rowIds.get(rule) ?? [])].sort(),
    exercised: exercised.has(rule),
  }));
}
