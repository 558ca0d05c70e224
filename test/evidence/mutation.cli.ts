import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATION_FILE, type MutationRun, type SurvivingMutant } from '../../src/audit/policy-evidence';
import { SURVIVING_MUTANTS, type ExplainedMutant } from '../policy/surviving-mutants';

const ROOT = join(__dirname, '..', '..');
/** Where stryker.config.mjs has Stryker write its report (the mutation-testing-elements JSON). */
const REPORT = join(ROOT, 'reports', 'mutation.json');

type Mutant = {
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number } };
  status: string;
};
type Report = {
  files: Record<string, { mutants: Mutant[] }>;
  testFiles?: Record<string, unknown>;
};

const keyOf = (m: Pick<SurvivingMutant, 'file' | 'line' | 'mutator' | 'replacement'>) =>
  `${m.file}:${m.line} ${m.mutator} ${m.replacement}`;
const UNDETECTED = ['Survived', 'NoCoverage'];

/**
 * `npm run evidence:mutation` (after `stryker run`) writes docs/evidence/mutation.json from Stryker's report: the
 * score, the counts, and every mutant left alive with its explanation from test/policy/surviving-mutants.ts — or
 * none, unexplained — and the listed mutants a new test has killed since, naming that test.
 */
function main(): void {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
  const explained = new Map(SURVIVING_MUTANTS.map((m) => [keyOf(m), m]));
  const mutants = Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants.map((m) => ({ ...m, file, line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement ?? '' })),
  );
  const count = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
  const seen = new Set<string>();
  const survivors = mutants.flatMap((m): SurvivingMutant[] => {
    const key = keyOf(m);
    const known: ExplainedMutant | undefined = explained.get(key);
    const first = !seen.has(key);
    seen.add(key);
    const { file, line, mutator, replacement } = m;
    if (UNDETECTED.includes(m.status)) {
      if (known?.status === 'equivalent') return [{ ...known, file, line, mutator, replacement }];
      const reason = known ? `listed as ${known.status}, yet it survives` : 'no test tells it from the policy, and no reason is recorded';
      return [{ file, line, mutator, replacement, status: 'unexplained', reason }];
    }
    // A key may name several mutants (two literals on a line): a killed one is listed once.
    return known?.status === 'killed by a new test' && first ? [{ ...known, file, line, mutator, replacement }] : [];
  });
  const stale = SURVIVING_MUTANTS.filter((m) => !seen.has(keyOf(m)));

  const [killed, timedOut, survived, noCoverage] = [count('Killed'), count('Timeout'), count('Survived'), count('NoCoverage')];
  const run: MutationRun = {
    ranAt: statSync(REPORT).mtime.toISOString(),
    commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
    mutated: Object.keys(report.files).sort(),
    tests: Object.keys(report.testFiles ?? {}).sort(),
    score: Math.round(((killed + timedOut) / (killed + timedOut + survived + noCoverage)) * 10000) / 100,
    killed,
    survived,
    noCoverage,
    timedOut,
    survivors,
  };
  writeFileSync(MUTATION_FILE, `${JSON.stringify(run, null, 2)}\n`);
  const unexplained = survivors.filter((s) => s.status === 'unexplained');
  console.log(`mutation score ${run.score}%: ${killed} killed, ${timedOut} timed out, ${survived} survived, ${noCoverage} not covered`);
  for (const s of unexplained) console.log(`  unexplained: ${keyOf(s)}`);
  for (const s of stale) console.log(`  listed in test/policy/surviving-mutants.ts, no longer a mutant: ${keyOf(s)}`);
  console.log(`wrote ${MUTATION_FILE}`);
}

main();
