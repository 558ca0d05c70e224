import { DEMO_STAFF } from '../../seeds/demo-staff';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { scopeFacts } from '../../src/authz/facts';
import { actorOf } from './actors';
import { policyRuleIdentities } from './rule-coverage';

const TODAY = '2026-11-20';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Facts that make every fact-bound rule appear: an allocation, open agenda items, a declaration, an emergency access, a bar. */
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

/** Every rule the policy can produce, by its identity (rule-coverage.ts): for each demo member of staff, with every fact. */
export function everyPolicyRule(): string[] {
  return policyRuleIdentities(
    defineAbilityFor,
    DEMO_STAFF.map((s) => actorOf(s.username)),
    EVERY_FACT,
    TODAY,
  );
}
