import type { MongoQuery } from '@casl/ability';
import type { AppAbilityBuilder } from '../ability';
import type { Actor } from '../actor';
import { CHILD_BIRTH_FAMILY_FIELDS, CHILD_IDENTIFYING_FIELDS } from '../field-classes';
import {
  ACTIONS,
  CHILD_RECORD_SUBJECTS,
  EMERGENCY_REACHABLE_RESTRICTIONS,
  WHOLE_RECORD_RESTRICTIONS,
  type Action,
  type Authority,
  type SubjectType,
} from '../vocabulary';
import type { PolicyInput } from './policy';
import { NAMEABLE_ROLES } from '../role-holding';

/** What links a child's birth identity with the adoptive household. */
const ADOPTIVE_LINK: SubjectType[] = ['Match', 'Placement'];

/**
 * Restricted records, after every role's rules, which they narrow whatever the role. A child restricted whole
 * (HIGH_PROFILE, STAFF_CONNECTED, HIGH_RISK) is read only by its authority's ADM and the staff named on the
 * restriction, and so are the records that hang off it: to anyone else it is out of reach for every action, as a
 * missing one is. A child sealed at the adoption order (ADOPTION) keeps its case fields for those who read it, but
 * its identity, its birth family and its link with the adoptive household (matches, placements) are the ADM's and
 * the named staff's.
 * The named staff read the child whole, whatever their case role (NAMEABLE_ROLES): the ADM names them for that. The
 * facts carry the restrictions that name the actor, never the others.
 * An emergency access (emergency-access.policy.ts) reads a child restricted whole, but never one restricted as
 * STAFF_CONNECTED, and takes nothing but reading past a restriction; a sealed record stays sealed to it.
 */
export function restrictedRecordsPolicy(actor: Actor, { staffId, facts }: PolicyInput, builder: AppAbilityBuilder): void {
  const { can, cannot } = builder;
  const nameable = actor.assignments.some((a) => NAMEABLE_ROLES.includes(a.role));
  const named = nameable ? [...facts.namedRestrictedChildIds] : [];
  if (nameable) can('read', 'ChildRestriction', { allowedStaffIds: staffId });
  const admOf: Authority[] = actor.assignments.flatMap((a) => (a.role === 'ADM' && a.authority ? [a.authority] : []));
  if (named.length > 0) {
    can('read', 'Child', { id: { $in: named } });
    can('read', CHILD_RECORD_SUBJECTS, { childId: { $in: named } });
  }
  // Each denial narrows only the actions the actor's roles grant on the subject, of those it names.
  const narrow = (subjects: SubjectType[], conditions: MongoQuery, reason?: string, among: readonly Action[] = ACTIONS) => {
    for (const subject of subjects) {
      const actions = among.filter((action) => grants(builder, action, subject));
      if (actions.length === 0) continue;
      const rule = cannot(actions, subject, conditions);
      if (reason) rule.because(reason);
    }
  };
  const emergency = [...facts.emergencyChildIds];
  const outsideChild = { id: { $nin: named }, authority: { $nin: admOf } };
  const outsideRecord = { childId: { $nin: named }, authority: { $nin: admOf } };
  const writes = ACTIONS.filter((action) => action !== 'read');
  narrow(['Child'], { restrictionCategory: { $in: WHOLE_RECORD_RESTRICTIONS }, ...outsideChild }, 'RESTRICTED_RECORD', writes);
  narrow(CHILD_RECORD_SUBJECTS, { 'child.restrictionCategory': { $in: WHOLE_RECORD_RESTRICTIONS }, ...outsideRecord }, undefined, writes);
  const reachable = { $in: EMERGENCY_REACHABLE_RESTRICTIONS };
  const outsideReach = { id: { $nin: [...named, ...emergency] }, authority: { $nin: admOf } };
  narrow(['Child'], { restrictionCategory: reachable, ...outsideReach }, 'RESTRICTED_RECORD', ['read']);
  narrow(['Child'], { restrictionCategory: 'STAFF_CONNECTED', ...outsideChild }, 'RESTRICTED_RECORD', ['read']);
  const recordsOutsideReach = { childId: { $nin: [...named, ...emergency] }, authority: { $nin: admOf } };
  narrow(CHILD_RECORD_SUBJECTS, { 'child.restrictionCategory': reachable, ...recordsOutsideReach }, undefined, ['read']);
  narrow(CHILD_RECORD_SUBJECTS, { 'child.restrictionCategory': 'STAFF_CONNECTED', ...outsideRecord }, undefined, ['read']);
  // An ADM reads only their authority's children and those named to them, all exempt from the seal, but for those
  // they broke glass on.
  if (grants(builder, 'read', 'Child') && (emergency.length > 0 || actor.assignments.some((a) => a.role !== 'ADM'))) {
    cannot('read', 'Child', [...CHILD_IDENTIFYING_FIELDS, ...CHILD_BIRTH_FAMILY_FIELDS], {
      restrictionCategory: 'ADOPTION',
      ...outsideChild,
    }).because('SEALED_AT_ADOPTION');
  }
  narrow(ADOPTIVE_LINK, { 'child.restrictionCategory': 'ADOPTION', ...outsideRecord });
}

/** Whether a rule built so far grants `action` on `subject`. */
function grants(builder: AppAbilityBuilder, action: Action, subject: SubjectType): boolean {
  const has = (value: unknown, item: string) => (Array.isArray(value) ? value.includes(item) : value === item);
  return builder.rules.some((rule) => !rule.inverted && has(rule.action, action) && has(rule.subject, subject));
}
