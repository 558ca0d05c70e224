import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's root, from the sources and from the build alike: the nearest folder up with a package.json. */
function projectRoot(from: string = __dirname): string {
  return existsSync(join(from, 'package.json')) ? from : projectRoot(dirname(from));
}

/**
 * The policy evidence auditors open at /audit: written by `npm run evidence` from a run of the policy tests, served
 * as it was last generated. It holds rules, tests and outcomes, never a record's values.
 */
export const EVIDENCE_FILE = join(projectRoot(), 'docs', 'evidence', 'policy-evidence.json');
/** The last mutation run of `npm run evidence:mutation`, committed; `npm run evidence` folds it in. */
export const MUTATION_FILE = join(projectRoot(), 'docs', 'evidence', 'mutation.json');

export type TestOutcome = 'passed' | 'failed' | 'not run';

/** The test that checks a row, as the test runner named it, and how it ended in the run. */
export type ProvingTest = { file: string; name: string; outcome: TestOutcome };

/** One row of a hand-written role table (test/policy/expectations/), with what proved it. */
export type EvidenceRow = {
  /** Stable within a policy version: role table, scope, action, subject and fixture. */
  id: string;
  /** The role table's heading, e.g. 'ADM (an authority’s) — another authority'. */
  table: string;
  role: string;
  action: string;
  subject: string;
  /** The row as an auditor reads it, e.g. 'a Kent ADM cannot read a Medway child'. */
  sentence: string;
  expected: 'allowed' | 'refused';
  /** The refusal's reason code (design: NOT_FOUND, FORBIDDEN … and the policy's ROLE_MAY_NOT_x); null when allowed. */
  reasonCode: string | null;
  /** The rule of the access matrix that decides the row. */
  rule: string;
  tests: ProvingTest[];
};

/** A rule of the policy and the rows that exercise it (none: a rule no row proves). */
export type RuleCoverage = { role: string; rule: string; rowIds: string[] };

/** One mutant Stryker left alive: killed since by a new test, or equivalent to the original for the reason given. */
export type SurvivingMutant = {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
  status: 'killed by a new test' | 'equivalent';
  reason: string;
};

export type MutationRun = {
  ranAt: string;
  commit: string;
  /** Killed ÷ (killed + survived + no coverage), in per cent, as Stryker reports it. */
  score: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timedOut: number;
  survivors: SurvivingMutant[];
};

export type PolicyEvidence = {
  generatedAt: string;
  commit: string;
  policyVersion: string;
  rows: EvidenceRow[];
  ruleCoverage: RuleCoverage[];
  /** The access matrix as docs/ renders it (markdown), and its diff against a revision when one was given. */
  matrix: { markdown: string; diff: { against: string; markdown: string } | null };
  /** The last committed mutation run, or null before the first. */
  mutation: MutationRun | null;
};
