import { createMongoAbility, subject as tagged, type MongoQuery } from '@casl/ability';
import type { Actor } from './actor';
import type { AppAbility } from './ability';
import { defineAbilityFor } from './define-ability';
import type { ScopeFacts } from './facts';
import type { SubjectType } from './vocabulary';

type RawRule = AppAbility['rules'][number];
type IdList = { [K in keyof ScopeFacts]: ScopeFacts[K] extends readonly string[] ? K : never }[keyof ScopeFacts];

/**
 * The facts of a caller's caseload the rules test as lists of ids, each named for a client: the list, and the record
 * its ids name (the subject itself, by `id`; a record that hangs off it, by `childId`, `householdId`…). A record
 * shows the caller the facts that hold of it (`viewerFacts`), and the rules a client receives test those in place of
 * the lists, which grow with the caseload.
 */
export const VIEWER_FACTS = {
  ALLOCATED_CHILD: { list: 'allocatedChildIds', of: 'Child' },
  AGENDA_CHILD: { list: 'panelChildIds', of: 'Child' },
  AGENDA_HOUSEHOLD: { list: 'panelHouseholdIds', of: 'Household' },
  AGENDA_MATCH: { list: 'panelMatchIds', of: 'Match' },
  MATCH_AGENDA_CHILD: { list: 'panelMatchChildIds', of: 'Child' },
  APPROVAL_AGENDA_HOUSEHOLD: { list: 'panelApprovalHouseholdIds', of: 'Household' },
  HEARD_MATCH: { list: 'heardMatchIds', of: 'Match' },
  HEARD_HOUSEHOLD: { list: 'heardHouseholdIds', of: 'Household' },
  DECLARED_ITEM: { list: 'declaredItemIds', of: 'AgendaItem' },
  NAMED_CHILD: { list: 'namedRestrictedChildIds', of: 'Child' },
  EMERGENCY_CHILD: { list: 'emergencyChildIds', of: 'Child' },
} as const satisfies Record<string, { list: IdList; of: SubjectType }>;
export type ViewerFact = keyof typeof VIEWER_FACTS;
export const VIEWER_FACT_NAMES = Object.keys(VIEWER_FACTS) as ViewerFact[];

/** The field of a record of `subjectType` that holds the id of the `of` record a fact names. */
const keyOf = (of: SubjectType, subjectType: SubjectType) => (of === subjectType ? 'id' : `${of[0]!.toLowerCase()}${of.slice(1)}Id`);

/** The facts of the caller's caseload that hold of a record of `subjectType`: what its `viewerFacts` shows. */
export function viewerFactsOf(facts: ScopeFacts, subjectType: SubjectType, record: object): ViewerFact[] {
  return VIEWER_FACT_NAMES.filter((name) => {
    const { list, of } = VIEWER_FACTS[name];
    const id = (record as Record<string, unknown>)[keyOf(of, subjectType)];
    return typeof id === 'string' && facts[list].includes(id);
  });
}

/**
 * Fields the rules test that no type of the API shows: whether a child is restricted is for its ADM and the staff
 * named to know. A client never holds them, so a denial that tests one never matches a record it holds.
 */
const UNSHOWN_FIELDS = ['restrictionCategory', 'child.restrictionCategory', 'childRestrictionCategory'];

/** Whether a condition on `field` holds of a record without it (a denial that could still match, then). */
const holdsWithout = (field: string, value: unknown) =>
  createMongoAbility([{ action: 'read', subject: 'Probe', conditions: { [field]: value } }]).can('read', tagged('Probe', {}));

/**
 * The caller's rules as a client receives them: the policy's own rules (src/authz/ is the one place), with every
 * list of ids from the caller's caseload written as a test of the record's `viewerFacts`, and without the denials a
 * client could never apply (they test only fields the API does not show). For every record the API returns, a client's
 * `can('read', subject(Type, record))` answers as the server does, and so does every other action on a record that is
 * not restricted; and the rules no longer grow with the caseload.
 * Each list is recognised by running the same policy on the caller's facts with each list that is not empty replaced
 * by its fact's name: the two runs must agree on everything else, or the client rules would not be the policy's.
 */
export function clientRulesOf(actor: Actor, facts: ScopeFacts, today: string): RawRule[] {
  const named = { ...facts };
  for (const name of VIEWER_FACT_NAMES) {
    const { list } = VIEWER_FACTS[name];
    named[list] = facts[list].length > 0 ? [name] : [];
  }
  const rules = defineAbilityFor(actor, facts, today).rules;
  const symbolic = defineAbilityFor(actor, named, today).rules;
  const shape = ({ conditions, ...rest }: RawRule) => JSON.stringify([rest, Object.keys(conditions ?? {})]);
  if (rules.length !== symbolic.length || rules.some((rule, i) => shape(rule) !== shape(symbolic[i]!))) {
    throw new Error('the policy decided on the caseload beyond its lists of ids');
  }
  return rules.flatMap((rule, i) => {
    const conditions = rule.conditions && clientConditions(rule, symbolic[i]!);
    if (rule.inverted && conditions && Object.entries(conditions).some(([f, v]) => UNSHOWN_FIELDS.includes(f) && !holdsWithout(f, v))) {
      return [];
    }
    return [conditions ? { ...rule, conditions } : rule];
  });
}

/** A rule's conditions with each list of ids (as the symbolic run names it) written as a test of `viewerFacts`. */
function clientConditions(rule: RawRule, symbolic: RawRule): MongoQuery {
  const subjects = [rule.subject].flat() as SubjectType[];
  const conditions: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rule.conditions!)) {
    const facts = factsNamedIn(symbolic.conditions![field]);
    if (!facts) {
      if (JSON.stringify(symbolic.conditions![field]) !== JSON.stringify(value)) {
        throw new Error(`the policy decided ${field} on the caseload beyond its lists of ids`);
      }
      conditions[field] = value;
      continue;
    }
    for (const fact of facts.names) {
      const { of } = VIEWER_FACTS[fact];
      if (subjects.some((s) => keyOf(of, s) !== field)) throw new Error(`${fact} is not a fact of ${subjects.join(', ')}.${field}`);
    }
    if ('viewerFacts' in conditions) throw new Error(`a rule on ${subjects.join(', ')} tests two lists of ids`);
    conditions.viewerFacts = { [facts.operator]: facts.names };
  }
  return conditions as MongoQuery;
}

/** The facts a symbolic condition names (`{ $in: [names] }` or `{ $nin: [names] }`), or null for any other condition. */
function factsNamedIn(condition: unknown): { operator: '$in' | '$nin'; names: ViewerFact[] } | null {
  if (typeof condition !== 'object' || condition === null) return null;
  const [entry, ...more] = Object.entries(condition);
  if (!entry || more.length > 0 || !['$in', '$nin'].includes(entry[0]) || !Array.isArray(entry[1])) return null;
  const names = entry[1] as unknown[];
  const facts = names.filter((n): n is ViewerFact => VIEWER_FACT_NAMES.includes(n as ViewerFact));
  if (facts.length === 0) return null;
  if (facts.length < names.length) throw new Error('a list of ids mixes facts of the caseload with other ids');
  return { operator: entry[0] as '$in' | '$nin', names: facts };
}
