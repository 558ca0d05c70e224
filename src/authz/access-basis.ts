import type { ScopeFacts } from './facts';
import type { GuardedSubject } from './field-classes';

type Visible = { id: string; authority?: string | null };

/**
 * Why the actor could see a record, for the access log: the fact that gave access (the allocation or
 * the agenda item, by id), else the scope of the role (their authority, or a partnership-wide role).
 * An explanation only: the decision was the policy's.
 */
export function accessBasis(facts: ScopeFacts, subjectType: GuardedSubject, record: Visible): string {
  if (subjectType === 'Child') {
    const allocation = facts.allocations.find((a) => a.childId === record.id);
    if (allocation) return `allocation ${allocation.id}`;
    const item = facts.openAgendaItems.find((i) => i.childId === record.id);
    if (item) return `agenda item ${item.id}`;
    return `authority ${record.authority}`;
  }
  const item = facts.openAgendaItems.find((i) => i.householdId === record.id);
  if (item) return `agenda item ${item.id}`;
  if (facts.proposedHouseholdIds.includes(record.id)) return 'household proposed for a child of your authority';
  return 'partnership-wide role';
}
