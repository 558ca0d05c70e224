import type { Actor } from './actor';
import type { ScopeFacts } from './facts';

type Visible = { id?: string; authority?: string | null; proposedFor?: readonly string[] };

/**
 * Why the actor could see a record, for the access log: the fact that gave access (the allocation, the agenda item
 * or, for a child out of their authority, their emergency access, by id; the proposal of a household for a child of their authority), else the scope of
 * the role (their authority, or a partnership-wide role). An explanation only: the decision was the policy's.
 */
export function accessBasis(actor: Actor, facts: ScopeFacts, subjectType: string, record: Visible): string {
  if (subjectType === 'Child') {
    const allocation = facts.allocations.find((a) => a.childId === record.id);
    if (allocation) return `allocation ${allocation.id}`;
    const item = facts.openAgendaItems.find((i) => i.childId === record.id);
    if (item) return `agenda item ${item.id}`;
    const grant = facts.emergencyGrants.find((g) => g.childId === record.id);
    if (grant && !caseworkAuthorities(actor).includes(record.authority as string)) return `emergency access ${grant.id}`;
    return `authority ${record.authority}`;
  }
  if (subjectType === 'AuditEvent') {
    const audited = auditedAuthorities(actor);
    return audited ? `auditor of ${audited.join(', ')}` : 'partnership-wide role';
  }
  if (subjectType !== 'Household') return 'partnership-wide role';
  const item = facts.openAgendaItems.find((i) => i.householdId === record.id);
  if (item) return `agenda item ${item.id}`;
  const casework = caseworkAuthorities(actor);
  const proposedFor = record.proposedFor?.find((authority) => casework.includes(authority));
  if (proposedFor) return `household proposed for a child of ${proposedFor}`;
  return 'partnership-wide role';
}

/** The authorities whose children the actor's ADM and PPM lead roles reach. */
function caseworkAuthorities(actor: Actor): string[] {
  return actor.assignments.flatMap((a) => ((a.role === 'ADM' || a.role === 'PPM_LEAD') && a.authority ? [a.authority] : []));
}

/** The authorities a council's auditor audits; null for the partnership's auditor, who audits them all. */
export function auditedAuthorities(actor: Actor): string[] | null {
  const audited = actor.assignments.flatMap((a) => (a.role === 'AUDITOR' && a.authority ? [a.authority] : []));
  return audited.length ? audited : null;
}
