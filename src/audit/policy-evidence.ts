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

/**
 * One check of a hand-written role table (test/policy/expectations/), with what proved it: a row, or for a row
 * allowed only while a condition holds, the row in its scope and in each scope where it is refused.
 */
export type EvidenceRow = {
  /**
   * Stable across rewordings: the actor, action, subject and scope, and the authority and step where the row names
   * them ('adm.kent/read/Child/another-authority/MEDWAY'); '@' a scope for a scope an allowed-if row is refused in.
   */
  id: string;
  /** The role table's heading, e.g. 'an authority’s ADM'. */
  table: string;
  /** The role as the access matrix names it, e.g. 'ADM (an authority’s)'. */
  role: string;
  /** The demo member of staff the row is about, e.g. 'adm.kent'. */
  actor: string;
  /** Where the record stands relative to the actor, e.g. 'another authority'. */
  scope: string;
  action: string;
  subject: string;
  /** The row as an auditor reads it, in its own words, e.g. 'a Kent ADM cannot read a Medway child'. */
  sentence: string;
  expected: 'allowed' | 'refused';
  /**
   * The refusal's reason code as the row names it (the policy's OTHER_AUTHORITY, ROLE_MAY_NOT_READ …); NOT_FOUND for a
   * refusal whose row names none (out of reach, as a missing record is); null when allowed.
   */
  reasonCode: string | null;
  /** The cell of the access matrix that decides the row, in its words: 'role — scope | subject | action: access — fields'. */
  rule: string;
  tests: ProvingTest[];
};

/**
 * A rule of the policy and the rows whose tests exercise it (none: a rule no row proves), and whether any test of the
 * run exercised it (the rule-coverage test fails on one that none did).
 */
export type RuleCoverage = { role: string; rule: string; rowIds: string[]; exercised: boolean };

/**
 * One mutant a mutation run left alive: killed since by a new test (named in the reason), equivalent to the original
 * for the reason given (test/policy/surviving-mutants.ts), or unexplained — a gap in the tests until one of the two.
 */
export type SurvivingMutant = {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
  status: 'killed by a new test' | 'equivalent' | 'unexplained';
  reason: string;
};

export type MutationRun = {
  ranAt: string;
  commit: string;
  /** The files mutated, and the test files run against each mutant. */
  mutated: string[];
  tests: string[];
  /** Detected (killed, timed out) ÷ every valid mutant, in per cent, as Stryker reports it. */
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
  /**
   * The Jest run the outcomes come from: the whole suite (CI's, whose rule-coverage test needs every test) or the
   * policy's tests alone (`npm run evidence`); its tests passed, failed and not run.
   */
  testRun: { of: 'the whole suite' | 'the policy tests'; passed: number; failed: number; notRun: number };
  /** The access matrix as docs/ renders it (markdown), and its diff against a revision when one was given. */
  matrix: { markdown: string; diff: { against: string; markdown: string } | null };
  /** The last committed mutation run, or null before the first. */
  mutation: MutationRun | null;
};
