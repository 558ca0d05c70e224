import type { GuardedSubject } from '../access/guarded';
import { ChildRestrictionRecord } from './child-restriction.entity';
import type { ChildRestriction } from './child-restriction.types';

/** A restriction as GraphQL shows it: overdue once its review day (UK) has passed. */
export function presentRestriction(r: ChildRestrictionRecord, today: string): ChildRestriction {
  return {
    id: r.id,
    childId: r.childId,
    authority: r.authority,
    category: r.category,
    allowedStaffIds: r.allowedStaffIds,
    reason: r.reason,
    reviewBy: r.reviewBy,
    reviewOverdue: r.reviewBy < today,
    restrictedBy: r.restrictedBy,
    version: r.version,
  };
}

export const CHILD_RESTRICTION: GuardedSubject<ChildRestrictionRecord, ChildRestriction> = {
  subjectType: 'ChildRestriction',
  entity: ChildRestrictionRecord,
  alias: 'restriction',
  present: (ctx, record) => presentRestriction(record, ctx.today),
};
