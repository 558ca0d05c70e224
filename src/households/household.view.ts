import type { AppAbility } from '../authz/ability';
import { guardFields } from '../access/field-guard';
import type { GuardedSubject } from '../access/guarded';
import { ageInYears } from '../journey/child.view';
import type { Household } from './household.types';
import { HouseholdRecord } from './household.entity';

/**
 * A household as the caller may see it: the GraphQL fields named one by one (as for a child), and the
 * authorities it was proposed for, which name the basis of a read in the access log; then the field guard.
 */
export function presentHousehold(ability: AppAbility, today: string, r: HouseholdRecord): Household {
  return guardFields(ability, 'Household', r, {
    id: r.id,
    reference: r.reference,
    stage: r.stage,
    stageEnteredOn: r.stageEnteredOn,
    homeAuthority: r.homeAuthority,
    applicants: r.applicants,
    applicantFirstNames: r.applicants.map((a) => a.firstName),
    applicantAges: r.applicants.map((a) => ageInYears(a.dateOfBirth, today)),
    address: r.address,
    ethnicity: r.ethnicity,
    religion: r.religion,
    healthNotes: r.healthNotes,
    dbsOutcome: r.dbsOutcome,
    dbsChecksComplete: r.dbsOutcome !== null,
    minChildAge: r.minChildAge,
    maxChildAge: r.maxChildAge,
    maxSiblings: r.maxSiblings,
    needsTheyCanMeet: r.needsTheyCanMeet,
    earlyPermanence: r.earlyPermanence,
    fastTrack: r.fastTrack,
    enquiryOn: r.enquiryOn,
    approvedOn: r.approvedOn,
    approvingAgency: r.approvingAgency,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    proposedFor: r.proposedFor,
  });
}

/** The household as services read it: through the field guard, on the request's day. */
export const HOUSEHOLD: GuardedSubject<HouseholdRecord, Household> = {
  subjectType: 'Household',
  entity: HouseholdRecord,
  alias: 'household',
  present: (ctx, record) => presentHousehold(ctx.ability, ctx.today, record),
};
