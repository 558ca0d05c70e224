import type { Authority } from '../src/authz/vocabulary';
import type { AllocationRecord } from '../src/journey/allocation.entity';
import type { ChildRestrictionRecord } from '../src/journey/child-restriction.entity';
import type { ChildRecord } from '../src/journey/child.entity';
import type { EmergencyAccessRecord } from '../src/journey/emergency-access.entity';
import { addDays } from './calendar';
import { demoStaff } from './demo-staff';
import type { Random } from './random';

/** How long the demo's emergency accesses lasted: EMERGENCY_ACCESS_HOURS' default. */
const ACCESS_HOURS = 4;

const at = (day: string, time: string) => new Date(`${day}T${time}Z`);

/**
 * Restricted records and break-glass, so that the ADMs' and auditors' review lists are not empty:
 * - one placed Kent child restricted whole (HIGH_PROFILE) by Kent's ADM, naming the child's family finder (not the
 *   PPM lead), to be reviewed in three months;
 * - two emergency accesses, both long expired, so that no demo identity holds a live one that widens their reach
 *   unseen: Kent's PPM lead's to a placed Bexley child, reviewed JUSTIFIED by Bexley's ADM; and finder.1's to a
 *   placed Medway child allocated to finder.2, awaiting review.
 * The restricted child's own column carries the category, as restrictRecord sets it.
 */
export function restrictedAccessTables(
  ids: Random,
  children: Partial<ChildRecord>[],
  allocations: Partial<AllocationRecord>[],
  today: string,
) {
  const finderOf = (childId: string) => allocations.find((a) => a.childId === childId && a.endedOn === null)?.familyFinderId;
  const placed = (authority: Authority, finder?: string) => {
    const child = children.find(
      (c) => c.authority === authority && c.stage === 'PLACED' && (finder === undefined ? !!finderOf(c.id!) : finderOf(c.id!) === finder),
    );
    if (!child) throw new Error(`the demo data has no placed ${authority} child to restrict or break glass on`);
    return child;
  };

  const restricted = placed('KENT');
  restricted.restrictionCategory = 'HIGH_PROFILE';
  const restrictions: Partial<ChildRestrictionRecord>[] = [
    {
      id: ids.uuid(),
      childId: restricted.id!,
      authority: 'KENT',
      category: 'HIGH_PROFILE',
      allowedStaffIds: [finderOf(restricted.id!)!],
      reason: 'The child’s case has been reported in the local press; access is limited to the staff working on it.',
      reviewBy: addDays(today, 91),
      restrictedBy: demoStaff('adm.kent').id,
    },
  ];

  const access = (child: Partial<ChildRecord>, username: string, grantedAt: Date, reason: string): Partial<EmergencyAccessRecord> => ({
    id: ids.uuid(),
    childId: child.id!,
    authority: child.authority!,
    staffId: demoStaff(username).id,
    reason,
    grantedAt,
    expiresAt: new Date(grantedAt.getTime() + ACCESS_HOURS * 3_600_000),
    outcome: null,
    note: null,
    reviewedBy: null,
    reviewedAt: null,
  });
  const emergencyAccesses = [
    {
      ...access(
        placed('BEXLEY'),
        'ppm.kent',
        at(addDays(today, -9), '21:15:00'),
        'Police called out of hours: the child was reported missing from placement and the placing team could not be reached.',
      ),
      outcome: 'JUSTIFIED' as const,
      note: 'A missing-from-placement call out of hours; what was shared with the police was necessary and proportionate.',
      reviewedBy: demoStaff('adm.bexley').id,
      reviewedAt: at(addDays(today, -8), '10:30:00'),
    },
    access(
      placed('MEDWAY', demoStaff('finder.2').id),
      'finder.1',
      at(addDays(today, -2), '19:40:00'),
      'The emergency duty team asked out of hours about contact with a brother I am family finding for; the child’s family finder could not be reached.',
    ),
  ];
  return { restrictions, emergencyAccesses };
}
