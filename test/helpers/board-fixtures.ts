import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { PlacementRecord } from '../../src/journey/placement.entity';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import { sealedAtAdoption } from '../../src/journey/sealing';
import { insertChild } from './factories';

/** One household approved long ago, to place children with. */
export async function insertApprovedHousehold(dataSource: DataSource): Promise<HouseholdRecord> {
  const id = randomUUID();
  return dataSource.getRepository(HouseholdRecord).save({
    id,
    reference: `H-TEST-${id.slice(0, 8)}`,
    stage: 'APPROVED',
    stageEnteredOn: '2019-06-01',
    applicants: [{ firstName: 'Sam', lastName: 'Adopter', dateOfBirth: '1985-02-02' }],
    minChildAge: 0,
    maxChildAge: 10,
    maxSiblings: 2,
    needsTheyCanMeet: [],
    earlyPermanence: false,
    fastTrack: false,
    enquiryOn: '2018-09-01',
    approvedOn: '2019-06-01',
    createdBy: demoStaff('finder.1').id,
  });
}

export type AdoptedChild = {
  authority: Authority;
  enteredCareOn: string;
  orderOn: string | null;
  /** Authority to place by the parents' consent instead of a placement order. */
  byConsent?: boolean;
  matchedOn: string;
  movedInOn: string;
  placedOn: string;
  adoptedOn: string | null;
};

/** A child whose whole journey is recorded, consistent in every table, as the board counts it. */
export async function insertJourney(dataSource: DataSource, household: HouseholdRecord, j: AdoptedChild) {
  const by = (role: 'adm' | 'ppm') => demoStaff(`${role}.${j.authority.toLowerCase()}`).id;
  const child = await insertChild(dataSource, j.authority, {
    dateOfBirth: '2019-01-01',
    enteredCareOn: j.enteredCareOn,
    stage: j.adoptedOn ? 'ADOPTED' : 'PLACED',
    adoptionPlanDecidedOn: j.enteredCareOn,
    placementOrderGrantedOn: j.orderOn,
    matchedOn: j.matchedOn,
    placedOn: j.placedOn,
    adoptionOrderGrantedOn: j.adoptedOn,
    restrictionCategory: j.adoptedOn ? sealedAtAdoption(null) : null,
  });
  const common = { childId: child.id, authority: j.authority };
  await dataSource.getRepository(ChildDecisionRecord).insert({
    ...common,
    kind: 'ADOPTION_PLAN',
    outcome: 'APPROVED',
    decidedOn: j.enteredCareOn,
    rationale: 'plan',
    decidedBy: by('adm'),
  });
  if (j.orderOn) {
    await dataSource
      .getRepository(PlacementOrderRecord)
      .insert({ ...common, basis: j.byConsent ? 'CONSENT' : 'PLACEMENT_ORDER', grantedOn: j.orderOn, recordedBy: by('ppm') });
  }
  const match = await dataSource.getRepository(MatchRecord).save({
    ...common,
    householdId: household.id,
    status: j.adoptedOn ? 'ADOPTED' : 'PLACED',
    proposedOn: j.enteredCareOn,
    proposedBy: demoStaff('finder.1').id,
    approvedOn: j.matchedOn,
  });
  await dataSource.getRepository(ChildDecisionRecord).insert({
    ...common,
    kind: 'MATCH',
    outcome: 'APPROVED',
    matchId: match.id,
    decidedOn: j.matchedOn,
    rationale: 'match',
    decidedBy: by('adm'),
  });
  await dataSource.getRepository(PlacementRecord).insert({
    ...common,
    householdId: household.id,
    matchId: match.id,
    kind: 'ADOPTIVE',
    placedOn: j.placedOn,
    movedInOn: j.movedInOn,
    recordedBy: by('ppm'),
  });
  return child;
}
