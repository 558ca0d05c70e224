import type { GuardedSubject } from '../access/guarded';
import { EmergencyAccessRecord } from './emergency-access.entity';
import type { EmergencyAccess } from './emergency-access.types';

export function presentEmergencyAccess(r: EmergencyAccessRecord): EmergencyAccess {
  return {
    id: r.id,
    childId: r.childId,
    authority: r.authority,
    staffId: r.staffId,
    reason: r.reason,
    grantedAt: r.grantedAt,
    expiresAt: r.expiresAt,
    outcome: r.outcome,
    note: r.note,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
  };
}

export const EMERGENCY_ACCESS: GuardedSubject<EmergencyAccessRecord, EmergencyAccess> = {
  subjectType: 'EmergencyAccess',
  entity: EmergencyAccessRecord,
  alias: 'emergency',
  present: (_ctx, record) => presentEmergencyAccess(record),
};
