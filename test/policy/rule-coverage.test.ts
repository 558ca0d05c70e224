import { rmSync } from 'node:fs';
import { everyPolicyRule } from '../helpers/policy-rules';
import { COVERAGE_DIR_VARIABLE, coverageReport, readRuleUses } from '../helpers/rule-coverage';

/**
 * Every rule the policy can produce — for each demo member of staff, with facts that make every fact-bound rule
 * appear — must have been exercised by some test of this run: a check on a record, the field guard, or a SQL
 * filter. The sequencer runs this file last; the report lists each rule and whether a test exercised it.
 */
const dir = process.env[COVERAGE_DIR_VARIABLE];

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('exercises every rule of the policy, allow and deny, in some test of the run', () => {
  if (!dir) throw new Error(`${COVERAGE_DIR_VARIABLE} is unset: run jest with jest.config.js, whose sequencer sets it`);
  const rules = everyPolicyRule();
  const exercised = readRuleUses(dir);
  console.log(coverageReport(rules, exercised));
  expect(rules.filter((rule) => !exercised.has(rule))).toEqual([]);
});
