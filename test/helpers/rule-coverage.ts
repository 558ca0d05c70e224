import { Ability, type RawRuleOf } from '@casl/ability';
import type * as CaslExtra from '@casl/ability/extra';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppAbility } from '../../src/authz/ability';
import type { Actor, RoleAssignment } from '../../src/authz/actor';
import type { ScopeFacts } from '../../src/authz/facts';
import { FIELD_CLASSES, type GuardedSubject } from '../../src/authz/field-classes';

/**
 * Rule coverage: which rules of the policy some test exercised. A rule is exercised when it decides a check on a
 * record (`can`), grants fields to the field guard (`permittedFieldsOf`), or takes part in a SQL filter
 * (`rulesToAST`). Rules are named by a stable identity: the role that produced them, the action and subject, allow
 * or deny, the condition's fields and operators, and the field classes granted — never the values of the day.
 *
 * Each test file records what it exercised (rule-coverage.setup.ts) in the run's directory, which the sequencer
 * (rule-coverage.sequencer.js) names when the run includes test/policy/rule-coverage.test.ts; it runs that test
 * last, to compare the records with every rule the policy produces for the demo staff.
 */
export const COVERAGE_DIR_VARIABLE = 'APSE_RULE_COVERAGE_DIR';
/** Where each file also records the rules each of its tests exercised, when set (`npm run evidence`). */
export const USES_BY_TEST_DIR_VARIABLE = 'APSE_RULE_USES_BY_TEST_DIR';

type AnyRule = { inverted?: boolean; conditions?: unknown; fields?: string | string[] };
type LiveRule = AnyRule & { origin: RawRuleOf<AppAbility>; inverted: boolean };
type DefineAbility = (actor: Actor, facts: ScopeFacts, today: string) => AppAbility;

/** 'ADM (authority)', 'ADM (partnership)', 'PANEL_MEMBER (CHAIR)', 'FAMILY_FINDER'. */
export function roleOf({ role, authority, panelRole }: RoleAssignment): string {
  if (panelRole) return `${role} (${panelRole})`;
  if (role === 'ADM' || role === 'PPM_LEAD') return `${role} (${authority ? 'authority' : 'partnership'})`;
  return role;
}

/** 'ADM (authority): can read Household [case, identifying, special] where id $in'. */
export function ruleIdentity(role: string, action: string, subject: string, rule: AnyRule): string {
  const fields = rule.fields === undefined ? '' : ` [${describeFields(subject, [rule.fields].flat())}]`;
  const conditions = rule.conditions ? ` where ${describeConditions(rule.conditions as Record<string, unknown>)}` : '';
  return `${role}: ${rule.inverted ? 'cannot' : 'can'} ${action} ${subject}${fields}${conditions}`;
}

function describeConditions(conditions: Record<string, unknown>): string {
  return Object.entries(conditions)
    .map(([field, value]) => {
      const operators = isOperatorObject(value) ? Object.keys(value) : [];
      return [field, ...operators].join(' ');
    })
    .join(', ');
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).every((key) => key.startsWith('$'));
}

/** Fields by class for a child or household: 'case, identifying[firstName, ageInYears], special'. */
function describeFields(subject: string, fields: string[]): string {
  if (!(subject in FIELD_CLASSES)) return fields.join(', ');
  const classes = Object.entries(FIELD_CLASSES[subject as GuardedSubject]).filter(([, all]) => all.length > 0);
  const parts = classes.flatMap(([name, all]) => {
    const granted = all.filter((f) => fields.includes(f));
    if (granted.length === 0) return [];
    return granted.length === all.length ? [name] : [`${name}[${granted.join(', ')}]`];
  });
  const unclassified = fields.filter((f) => !classes.some(([, all]) => all.includes(f)));
  return [...parts, ...unclassified].join(', ');
}

/** The role rules granted to every member of staff, whatever they hold, are named by. */
const EVERYONE = 'EVERYONE';

/** Every rule identity the policy produces for `actors`, given facts that make every fact-bound rule appear. */
export function policyRuleIdentities(define: DefineAbility, actors: Actor[], facts: ScopeFacts, today: string): string[] {
  const identities = new Set<string>();
  const add = (role: string, rules: AppAbility['rules']) => {
    for (const rule of rules) {
      for (const action of [rule.action].flat()) {
        for (const subject of [rule.subject ?? 'all'].flat()) identities.add(ruleIdentity(role, action, String(subject), rule));
      }
    }
  };
  for (const actor of actors) {
    const common = define({ ...actor, assignments: [] }, facts, today).rules;
    add(EVERYONE, common);
    for (const assignment of actor.assignments) {
      add(roleOf(assignment), define({ ...actor, assignments: [assignment] }, facts, today).rules.slice(common.length));
    }
  }
  return [...identities].sort();
}

const roleOfRule = new WeakMap<object, string>();
const used = new Set<string>();
/** By test (its full name; '' for hooks, outside any test), when the run keeps them: the rules each exercised. */
const usedByTest = new Map<string, Set<string>>();
const keepsUsesByTest = Boolean(process.env[USES_BY_TEST_DIR_VARIABLE]);
let currentTest = '';

/** From now until `endTest`, uses are the test's. */
export function startTest(fullName: string): void {
  currentTest = fullName;
}

export function endTest(): void {
  currentTest = '';
}

/**
 * `defineAbilityFor`, remembering which role produced each rule: the rules every member of staff is granted come
 * first, then the abilities of an actor's assignments add up in order, so the rules of each assignment are a run
 * of the combined ability's rules.
 */
export function withRuleRoles(define: DefineAbility): DefineAbility {
  return (actor, facts, today) => {
    const ability = define(actor, facts, today);
    const common = define({ ...actor, assignments: [] }, facts, today).rules.length;
    for (const rule of ability.rules.slice(0, common)) roleOfRule.set(rule, EVERYONE);
    const alone = (assignment: RoleAssignment) => define({ ...actor, assignments: [assignment] }, facts, today).rules.length - common;
    let at = common;
    for (const assignment of actor.assignments) {
      const count = actor.assignments.length === 1 ? ability.rules.length - common : alone(assignment);
      for (const rule of ability.rules.slice(at, at + count)) roleOfRule.set(rule, roleOf(assignment));
      at += count;
    }
    return ability;
  };
}

/** Identities by rule and use, so that noting a use stays cheap on hot paths (the property test). */
const identityCache = new WeakMap<object, Map<string, string>>();

function noteUse(rule: LiveRule, action: string, subjectType: unknown): void {
  const role = roleOfRule.get(rule.origin);
  if (!role) return;
  let byUse = identityCache.get(rule);
  if (!byUse) identityCache.set(rule, (byUse = new Map()));
  const use = `${action} ${String(subjectType)}`;
  let identity = byUse.get(use);
  if (!identity) byUse.set(use, (identity = ruleIdentity(role, action, String(subjectType), rule)));
  used.add(identity);
  if (keepsUsesByTest) {
    let ofTest = usedByTest.get(currentTest);
    if (!ofTest) usedByTest.set(currentTest, (ofTest = new Set()));
    ofTest.add(identity);
  }
}

const isRecord = (subject: unknown) => typeof subject === 'object' && subject !== null;

/** Watches CASL in this test file's module registry: checks on records, the field guard and SQL filters. */
export function watchRuleUses(extra: typeof CaslExtra): void {
  const relevantRuleFor = Ability.prototype.relevantRuleFor;
  Ability.prototype.relevantRuleFor = function (this: Ability, action: string, subject?: unknown, field?: string) {
    const rule = relevantRuleFor.call(this, action, subject as never, field) as LiveRule | null;
    // A check on a subject type only exercises a rule that has no conditions to test.
    if (rule && (isRecord(subject) || !rule.conditions)) {
      noteUse(rule, action, this.detectSubjectType(subject as never));
    }
    return rule as never;
  };

  const { permittedFieldsOf, rulesToAST } = extra;
  const mutable = extra as { -readonly [K in keyof typeof CaslExtra]: (typeof CaslExtra)[K] };
  mutable.permittedFieldsOf = ((ability: AppAbility, action: string, subject: object, options: never) => {
    if (isRecord(subject)) {
      const subjectType = ability.detectSubjectType(subject);
      for (const rule of ability.possibleRulesFor(action as never, subjectType)) {
        if (rule.matchesConditions(subject)) noteUse(rule as LiveRule, action, subjectType);
      }
    }
    return permittedFieldsOf(ability, action as never, subject, options);
  }) as typeof permittedFieldsOf;
  mutable.rulesToAST = ((ability: AppAbility, action: string, subjectType: string) => {
    // The rules CASL turns into the condition, in its order: an unconditional rule ends the list.
    for (const rule of ability.rulesFor(action as never, subjectType as never)) {
      noteUse(rule as LiveRule, action, subjectType);
      if (!rule.conditions) break;
    }
    return rulesToAST(ability, action as never, subjectType as never);
  }) as typeof rulesToAST;
}

const fileNameOf = (testPath: string) => `${testPath.replace(/[^\w.-]+/g, '_')}.json`;

/** Writes what this test file exercised into the run's directory (a no-op outside a coverage run), and by test. */
export function saveRuleUses(testPath: string): void {
  const dir = process.env[COVERAGE_DIR_VARIABLE];
  if (dir && used.size > 0) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, fileNameOf(testPath)), JSON.stringify([...used]));
  }
  const byTestDir = process.env[USES_BY_TEST_DIR_VARIABLE];
  if (byTestDir && keepsUsesByTest && usedByTest.size > 0) {
    mkdirSync(byTestDir, { recursive: true });
    const tests = Object.fromEntries([...usedByTest].map(([name, rules]) => [name, [...rules]]));
    writeFileSync(join(byTestDir, fileNameOf(testPath)), JSON.stringify({ testPath, tests } satisfies RuleUsesOfFile));
  }
}

/** What one test file exercised, test by test. */
export type RuleUsesOfFile = { testPath: string; tests: Record<string, string[]> };

/** Every file's uses by test, as saved in `dir`. */
export function readRuleUsesByTest(dir: string): RuleUsesOfFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RuleUsesOfFile);
}

/** Every rule identity any test file of this run exercised. */
export function readRuleUses(dir: string): Set<string> {
  const identities = new Set<string>();
  if (!existsSync(dir)) return identities;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const identity of JSON.parse(readFileSync(join(dir, file), 'utf8')) as string[]) identities.add(identity);
  }
  return identities;
}

/** The report printed by the coverage test: each rule, exercised or not, then the count. */
export function coverageReport(rules: string[], exercised: Set<string>): string {
  const uncovered = rules.filter((rule) => !exercised.has(rule));
  return [
    `Rule coverage: ${rules.length - uncovered.length} of ${rules.length} rules of the policy exercised by a test`,
    ...rules.map((rule) => `  ${exercised.has(rule) ? '✓' : '✗ UNCOVERED'} ${rule}`),
    uncovered.length ? `${uncovered.length} rule(s) no test exercised.` : 'Every rule was exercised.',
  ].join('\n');
}
