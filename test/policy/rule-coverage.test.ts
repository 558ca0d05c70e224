import { rmSync } from 'node:fs';
import { DEMO_STAFF } from '../../seeds/demo-staff';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { scopeFacts } from '../../src/authz/facts';
import { actorOf } from '../helpers/actors';
import { COVERAGE_DIR_VARIABLE, coverageReport, policyRuleIdentities, readRuleUses } from '../helpers/rule-coverage';

/**
 * Every rule the policy can produce — for each demo member of staff, with facts that make every fact-bound rule
 * appear — must have been exercised by some test of this run: a check on a record, the field guard, or a SQL
 * filter. The sequencer runs this file last; the report lists each rule and whether a test exercised it.
 */
const TODAY = '2026-11-20';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const EVERY_FACT = scopeFacts(
  [{ id: id(1), childId: id(2) }],
  [
    { id: id(3), kind: 'MATCH', childId: id(4), householdId: id(5), matchId: id(6) },
    { id: id(7), kind: 'ADOPTER_APPROVAL', childId: null, householdId: id(8), matchId: null },
  ],
  [],
  [{ id: id(9), kind: 'MATCH', childId: id(10), householdId: id(11), matchId: id(12) }],
  [],
  [{ id: id(13), childId: id(14) }],
  true,
);
const dir = process.env[COVERAGE_DIR_VARIABLE];

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('exercises every rule of the policy, allow and deny, in some test of the run', () => {
  if (!dir) throw new Error(`${COVERAGE_DIR_VARIABLE} is unset: run jest with jest.config.js, whose sequencer sets it`);
  const rules = policyRuleIdentities(
    defineAbilityFor,
    DEMO_STAFF.map((s) => actorOf(s.username)),
    EVERY_FACT,
    TODAY,
  );
  const exercised = readRuleUses(dir);
  console.log(coverageReport(rules, exercised));
  expect(rules.filter((rule) => !exercised.has(rule))).toEqual([]);
});
