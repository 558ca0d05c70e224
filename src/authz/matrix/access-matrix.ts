import type { AppAbility } from '../ability';
import type { Actor, RoleAssignment } from '../actor';
import { defineAbilityFor } from '../define-ability';
import { scopeFacts } from '../facts';
import { FIELD_CLASSES, type FieldClass, type GuardedSubject } from '../field-classes';
import { ACTIONS, SUBJECT_TYPES, type Action, type Authority, type SubjectType } from '../vocabulary';

/**
 * The access matrix: what the live policy grants each role, per scope, subject and action, in words.
 * It is built from the policy itself with symbolic facts (an allocated child, an open agenda item) and a
 * symbolic today, so each condition can be named.
 */

export const OWN: Authority = 'KENT';
export const OTHER: Authority = 'MEDWAY';
const TODAY = '«today»';
const FACT = {
  allocatedChild: 'fact:allocated-child',
  agendaChild: 'fact:agenda-child',
  agendaHousehold: 'fact:agenda-household',
  agendaMatch: 'fact:agenda-match',
  approvalHousehold: 'fact:approval-household',
  heardMatch: 'fact:heard-match',
  heardHousehold: 'fact:heard-household',
  declaredItem: 'fact:declared-item',
  namedChild: 'fact:named-child',
  emergencyChild: 'fact:emergency-child',
  panel: 'fact:their-panel',
  themselves: 'fact:themselves',
};
const SYMBOLIC_FACTS = scopeFacts(
  [{ id: 'fact:allocation', childId: FACT.allocatedChild }],
  [
    { id: 'fact:agenda-item', kind: 'MATCH', childId: FACT.agendaChild, householdId: FACT.agendaHousehold, matchId: FACT.agendaMatch },
    { id: 'fact:approval-item', kind: 'ADOPTER_APPROVAL', childId: null, householdId: FACT.approvalHousehold, matchId: null },
  ],
  [
    { matchId: FACT.heardMatch, householdId: FACT.agendaHousehold },
    { matchId: null, householdId: FACT.heardHousehold },
  ],
  [{ id: FACT.declaredItem, kind: 'MATCH', childId: null, householdId: FACT.declaredItem, matchId: null }],
  [FACT.namedChild],
  [{ id: 'fact:emergency-access', childId: FACT.emergencyChild }],
);

const WORDS: Record<string, string> = {
  [FACT.allocatedChild]: 'allocated to them',
  [FACT.agendaChild]: 'on an open agenda of their panel',
  [FACT.agendaHousehold]: 'on an open agenda of their panel',
  [FACT.agendaMatch]: 'on an open agenda of their panel',
  [FACT.approvalHousehold]: 'on an open agenda of their panel for its approval, review or termination',
  [FACT.heardMatch]: 'recommended on by a panel they sat on',
  [FACT.heardHousehold]: 'recommended on by a panel they sat on',
  [FACT.declaredItem]: 'one they declared an interest in',
  [FACT.namedChild]: 'restricted to them by name',
  [FACT.emergencyChild]: 'reached by their live emergency access',
  [FACT.panel]: 'their panel',
  [FACT.themselves]: 'themselves',
  [TODAY]: 'today',
};

/** One role in one capacity: the rows of the matrix are built for these. */
export type MatrixRole = { name: string; assignment: RoleAssignment; authorityScoped: boolean };

const assignment = (role: RoleAssignment['role'], authority: Authority | null, panelRole: RoleAssignment['panelRole'] = null) => ({
  role,
  authority,
  panelId: panelRole ? FACT.panel : null,
  panelRole,
});

export const MATRIX_ROLES: MatrixRole[] = [
  { name: 'ADM (an authority’s)', assignment: assignment('ADM', OWN), authorityScoped: true },
  { name: 'ADM (the partnership’s)', assignment: assignment('ADM', null), authorityScoped: false },
  { name: 'PPM lead', assignment: assignment('PPM_LEAD', OWN), authorityScoped: true },
  { name: 'Family finder', assignment: assignment('FAMILY_FINDER', null), authorityScoped: false },
  { name: 'Panel chair', assignment: assignment('PANEL_MEMBER', null, 'CHAIR'), authorityScoped: false },
  { name: 'Panel vice chair', assignment: assignment('PANEL_MEMBER', null, 'VICE_CHAIR'), authorityScoped: false },
  { name: 'Panel member', assignment: assignment('PANEL_MEMBER', null, 'MEMBER'), authorityScoped: false },
  { name: 'Panel adviser', assignment: assignment('PANEL_MEMBER', null, 'ADVISER'), authorityScoped: false },
  { name: 'Board director', assignment: assignment('BOARD_DIRECTOR', null), authorityScoped: false },
  { name: 'Support worker', assignment: assignment('SUPPORT_WORKER', null), authorityScoped: false },
  { name: 'Auditor (an authority’s)', assignment: assignment('AUDITOR', OWN), authorityScoped: true },
  { name: 'Auditor (the partnership’s)', assignment: assignment('AUDITOR', null), authorityScoped: false },
  { name: 'Access administrator', assignment: assignment('ACCESS_ADMIN', null), authorityScoped: false },
];

export type Scope = 'own authority' | 'another authority' | 'any authority';
export type MatrixCell = { role: string; scope: Scope; subject: SubjectType; action: Action; access: string; fields: string | null };

type Conditions = Record<string, unknown>;

const GUARDED_SUBJECTS: SubjectType[] = ['Child', 'Household'];

const AUTHORITY_FIELDS = ['authority', 'childAuthority', 'authorities'];

/** Conditions on a relation the database keeps, which hold the actor's own authority: in words. */
const RELATION_WORDS: Record<string, string> = {
  proposedFor: 'proposed for a child of their authority',
  'household.proposedFor': 'its household is proposed for a child of their authority',
  liveScopes: 'holds a role for their authority today',
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(' or ');
  return typeof value === 'string' && WORDS[value] ? WORDS[value]! : String(value);
}

/** Whether a record of `authority` meets a condition on its authority: equal to it, or in (or not in) a list. */
function authorityHolds(condition: unknown, authority: Authority): boolean {
  if (condition === null || typeof condition !== 'object') return condition === authority;
  const { $in, $nin } = condition as { $in?: Authority[]; $nin?: Authority[] };
  return $in ? $in.includes(authority) : !($nin ?? []).includes(authority);
}

/** A rule's conditions, for a record of `authority` (null: the scope does not depend on it), in words. */
function describeConditions(conditions: Conditions, authority: Authority | null): string | false {
  const words: string[] = [];
  for (const [field, condition] of Object.entries(conditions)) {
    // The record's authority: for an agenda item, its child's; for an access-log event, one of those it is about.
    if (AUTHORITY_FIELDS.includes(field) && authority !== null) {
      if (!authorityHolds(condition, authority)) return false;
      continue;
    }
    if (RELATION_WORDS[field] && condition === OWN) {
      words.push(RELATION_WORDS[field]);
      continue;
    }
    if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
      for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
        const said = describeValue(value);
        const phrase = {
          $in: (value as unknown[]).length === 0 ? null : `${field} is ${said}`,
          $nin: (value as unknown[]).length === 0 ? '' : `${field} is not ${said}`,
          $lte: `${field} is on or before ${said}`,
          $gte: `${field} is on or after ${said}`,
          $lt: `${field} is before ${said}`,
          $gt: `${field} is after ${said}`,
        }[operator as '$in' | '$nin' | '$lte' | '$gte' | '$lt' | '$gt'];
        if (phrase === undefined) words.push(`${field} ${operator} ${said}`);
        else if (phrase === null) return false;
        else if (phrase !== '') words.push(phrase);
      }
    } else {
      words.push(`${field} is ${describeValue(condition)}`);
    }
  }
  return words.join(' and ');
}

/** The field classes a set of fields covers: whole classes by name, a partial class by its fields. */
function describeFields(subject: GuardedSubject, fields: readonly string[] | undefined): string {
  const classes = FIELD_CLASSES[subject];
  return (Object.keys(classes) as FieldClass[])
    .filter((c) => classes[c].length > 0)
    .flatMap((c) => {
      const granted = classes[c].filter((f) => !fields || fields.includes(f));
      if (granted.length === classes[c].length) return [c];
      return granted.length ? [`${c} (${granted.join(', ')} only)`] : [];
    })
    .join(', ');
}

/** What the live policy grants a role in its capacity, with the symbolic facts and day: the matrix's source. */
export function symbolicAbilityOf(role: MatrixRole): AppAbility {
  const actor: Actor = { staffId: FACT.themselves, username: role.name, displayName: role.name, assignments: [role.assignment] };
  return defineAbilityFor(actor, SYMBOLIC_FACTS, TODAY);
}

/** Every cell of the matrix, from the live policy: each role, scope, subject and action. */
export function buildAccessMatrix(): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const role of MATRIX_ROLES) {
    const ability = symbolicAbilityOf(role);
    const scopes: [Scope, Authority | null][] = role.authorityScoped
      ? [
          ['own authority', OWN],
          ['another authority', OTHER],
        ]
      : [['any authority', null]];
    for (const [scope, authority] of scopes) {
      for (const subject of SUBJECT_TYPES) {
        for (const action of ACTIONS) {
          const rules = ability.rulesFor(action, subject);
          const grants = rules
            .filter((rule) => !rule.inverted)
            .flatMap((rule) => {
              const words = describeConditions((rule.conditions ?? {}) as Conditions, authority);
              return words === false ? [] : [{ words, fields: rule.fields as string[] | undefined }];
            });
          // A denial narrows the grants: "unless" its conditions hold; a denial of fields, the fields shown.
          const denials = rules
            .filter((rule) => rule.inverted && !rule.fields)
            .flatMap((rule) => describeConditions((rule.conditions ?? {}) as Conditions, authority) || []);
          const fieldDenials = ability
            .possibleRulesFor(action, subject)
            .filter((rule) => rule.inverted && rule.fields && GUARDED_SUBJECTS.includes(subject))
            .flatMap((rule) => {
              const words = describeConditions((rule.conditions ?? {}) as Conditions, authority);
              return words === false
                ? []
                : [`; except where ${words}: not ${describeFields(subject as GuardedSubject, rule.fields as string[])}`];
            });
          const unless = grants.length > 0 && denials.length > 0 ? `, unless ${denials.join('; or ')}` : '';
          const access =
            grants.length === 0
              ? 'refused'
              : grants.some((g) => g.words === '') && !unless
                ? 'allowed'
                : `allowed if ${grants.map((g) => g.words || 'any').join('; or ')}${unless}`;
          const guarded = action === 'read' && grants.length > 0 && GUARDED_SUBJECTS.includes(subject);
          const fields = guarded
            ? grants.map((g) => describeFields(subject as GuardedSubject, g.fields)).join('; or ') + fieldDenials.join('')
            : null;
          cells.push({ role: role.name, scope, subject, action, access, fields });
        }
      }
    }
  }
  return cells;
}
