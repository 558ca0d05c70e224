import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAccessMatrix } from '../../src/authz/matrix/access-matrix';
import { diffMatrices, parseMatrix } from '../../src/authz/matrix/matrix-diff';
import { renderAccessMatrix } from '../../src/authz/matrix/render-matrix';
import { EVIDENCE_FILE, MUTATION_FILE, type MutationRun, type PolicyEvidence } from '../../src/audit/policy-evidence';
import { policyVersion } from '../../src/audit/policy-version';
import { everyPolicyRule } from '../helpers/policy-rules';
import { readRuleUsesByTest, USES_BY_TEST_DIR_VARIABLE } from '../helpers/rule-coverage';
import { evidenceRows, POLICY_TESTS, ruleCoverage, type JestResults } from './policy-evidence';

const ROOT = join(__dirname, '..', '..');
const USAGE = 'usage: npm run evidence -- [--against REV] [--results JEST_JSON --uses DIR]';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

/** Runs the policy's tests once, with Jest's JSON reporter, keeping the rules each test exercised. */
function runPolicyTests(): { results: string; uses: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apse-evidence-'));
  const results = join(dir, 'results.json');
  const uses = join(dir, 'uses');
  spawnSync('npx', ['jest', ...POLICY_TESTS, '--json', `--outputFile=${results}`], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, [USES_BY_TEST_DIR_VARIABLE]: uses },
  });
  if (!existsSync(results)) throw new Error('the policy tests wrote no results');
  return { results, uses };
}

/** Who gains and who loses access since `rev`, against the matrix committed there. */
function matrixDiff(current: string, rev: string): string {
  const before = git('show', `${rev}:schema/access-matrix.md`);
  const changes = diffMatrices(parseMatrix(before), parseMatrix(current));
  return changes.length ? changes.map((change) => `- ${change}`).join('\n') : `No change of access since ${rev}.`;
}

/**
 * `npm run evidence` writes docs/evidence/policy-evidence.json: each check of the role tables with the cell of the
 * access matrix that decides it and the tests that proved it, every rule of the policy with the checks that exercise
 * it, the matrix (and with `--against REV`, who gains and loses access since REV), and the last mutation run.
 * It runs the policy's tests itself, or reads a run of the whole suite already made (`--results` Jest's JSON, `--uses`
 * the rules its tests exercised, kept where APSE_RULE_USES_BY_TEST_DIR named), as CI does. Exit 1 if a test failed.
 */
function main(args: string[]): void {
  const option = (name: string) => {
    const at = args.indexOf(name);
    if (at === -1) return undefined;
    if (!args[at + 1]) throw new Error(USAGE);
    return args[at + 1];
  };
  const against = option('--against');
  const given = option('--results');
  const givenUses = option('--uses');
  if (Boolean(given) !== Boolean(givenUses)) throw new Error(USAGE);
  const run = given && givenUses ? { results: given, uses: givenUses } : runPolicyTests();

  const results = JSON.parse(readFileSync(run.results, 'utf8')) as JestResults;
  const cells = buildAccessMatrix();
  const markdown = renderAccessMatrix(cells);
  const evidence: PolicyEvidence = {
    generatedAt: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD').trim(),
    policyVersion: policyVersion(),
    rows: evidenceRows(results, ROOT, cells),
    ruleCoverage: ruleCoverage(everyPolicyRule(), readRuleUsesByTest(run.uses), ROOT),
    testRun: {
      of: given ? 'the whole suite' : 'the policy tests',
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      notRun: results.numPendingTests,
    },
    matrix: { markdown, diff: against ? { against, markdown: matrixDiff(markdown, against) } : null },
    mutation: existsSync(MUTATION_FILE) ? (JSON.parse(readFileSync(MUTATION_FILE, 'utf8')) as MutationRun) : null,
  };
  if (!given) rmSync(dirname(run.results), { recursive: true, force: true });
  mkdirSync(dirname(EVIDENCE_FILE), { recursive: true });
  writeFileSync(EVIDENCE_FILE, `${JSON.stringify(evidence, null, 2)}\n`);
  const proved = evidence.rows.filter((row) => row.tests.length > 0 && row.tests.every((t) => t.outcome === 'passed')).length;
  const unproved = evidence.ruleCoverage.filter((r) => r.rowIds.length === 0).length;
  console.log(`policy evidence: ${proved} of ${evidence.rows.length} checks proved, ${unproved} rules no row exercises`);
  console.log(`wrote ${EVIDENCE_FILE}`);
  if (results.numFailedTests > 0) process.exitCode = 1;
}

main(process.argv.slice(2));
