import type { AppAbilityBuilder } from '../ability';
import type { Actor, RoleAssignment } from '../actor';
import { CHILD_FIELDS_FOR_CASEWORK } from '../field-classes';
import { CHILD_RECORD_SUBJECTS } from '../vocabulary';
import type { PolicyInput } from './policy';

/**
 * The fields of a child a role reads through an emergency access: those it reads of a child in its reach. A family
 * finder: no birth family; an authority's ADM and a PPM lead: every class. Null: the role never breaks glass (the
 * partnership ADM reads no child; the other roles hold no child's case).
 */
function breakGlassFields({ role, authority }: RoleAssignment): readonly string[] | 'EVERY_FIELD' | null {
  if (role === 'FAMILY_FINDER') return CHILD_FIELDS_FOR_CASEWORK;
  if (role === 'PPM_LEAD' || (role === 'ADM' && authority !== null)) return 'EVERY_FIELD';
  return null;
}

/** Who reviews emergency accesses: an auditor (a council's: about its children), and an authority's ADM (its children). */
const reviews = ({ role, authority }: RoleAssignment) => role === 'AUDITOR' || (role === 'ADM' && authority !== null);

/**
 * Break-glass (emergency access), after every role's rules and before restricted records narrow them. A member of
 * staff holding a case role today (an authority's ADM, a PPM lead, a family finder) may ask, for a reason, to read one
 * child of any authority out of their reach; never one restricted as STAFF_CONNECTED, and not while a review has
 * barred them. While the access is live (the facts carry it), they read that child with the fields their role reads,
 * and the records that hang off it; never more than read. The child's ADM and the auditors read the accesses about
 * their authority's children (the partnership's auditor, every one) and review each once, never their own; whoever
 * may review an access may lift the bar its review set.
 */
export function emergencyAccessPolicy(actor: Actor, { staffId, facts }: PolicyInput, builder: AppAbilityBuilder): void {
  const { can, cannot } = builder;
  const reached = [...facts.emergencyChildIds];
  const breakers = actor.assignments.filter((a) => breakGlassFields(a) !== null);
  for (const assignment of breakers) {
    const fields = breakGlassFields(assignment)!;
    can('create', 'EmergencyAccess', { staffId }).because('NOT_YOURS');
    if (reached.length === 0) continue;
    if (fields === 'EVERY_FIELD') can('read', 'Child', { id: { $in: reached } });
    else can('read', 'Child', [...fields], { id: { $in: reached } });
    can('read', CHILD_RECORD_SUBJECTS, { childId: { $in: reached } });
  }
  for (const { authority } of actor.assignments.filter(reviews)) {
    if (authority) can(['read', 'update'], 'EmergencyAccess', { authority }).because('OTHER_AUTHORITY');
    else can(['read', 'update'], 'EmergencyAccess');
  }
  if (breakers.length === 0) return;
  cannot('create', 'EmergencyAccess', { childRestrictionCategory: 'STAFF_CONNECTED' }).because('STAFF_CONNECTED_RECORD');
  if (facts.emergencyAccessBarred) cannot('create', 'EmergencyAccess', { staffId }).because('EMERGENCY_ACCESS_BARRED');
  // No one reviews their own emergency access.
  if (actor.assignments.some(reviews)) cannot('update', 'EmergencyAccess', { staffId }).because('OWN_EMERGENCY_ACCESS');
}
