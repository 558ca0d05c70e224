import type { AllocationRecord } from '../src/journey/allocation.entity';
import type { ChildStage } from '../src/journey/child-stage';
import type { ChildRecord } from '../src/journey/child.entity';
import type { DisruptionRecord } from '../src/journey/disruption.entity';
import type { PlacementOrderRecord } from '../src/journey/placement-order.entity';
import type { PlacementRecord } from '../src/journey/placement.entity';
import type { ChildDecisionRecord } from '../src/journey/child-decision.entity';
import type { MatchRecord, MatchStatus } from '../src/journey/match.entity';
import { sealedAtAdoption } from '../src/journey/sealing';
import { addDays } from './calendar';
import { demoStaff } from './demo-staff';
import { fakeChildIdentity, fakeNhsNumber } from './fake-identities';
import type { Journey } from './journeys';
import { statusOf } from './matches';
import type { AgendaEntry } from './panels';
import type { Random } from './random';

/** A linked child's stage, from the status of their match. */
export const STAGE_OF_MATCH: Record<MatchStatus, ChildStage> = {
  PROPOSED: 'LINKED',
  RECOMMENDED: 'MATCH_RECOMMENDED',
  APPROVED: 'MATCHED',
  PLACED: 'PLACED',
  ADOPTED: 'ADOPTED',
  DISRUPTED: 'DISRUPTED',
  DECLINED: 'AUTHORITY_TO_PLACE',
  WITHDRAWN: 'AUTHORITY_TO_PLACE',
};
const PLAN_RATIONALES = [
  'No realistic prospect of return to birth family or kinship care; adoption meets the child’s lifelong needs.',
  'Viability assessments of family members negative; the court is invited to make a placement order.',
];
const MATCH_RATIONALES = ['The adopters can meet the child’s needs described in the CPR; support plan agreed.'];

/** Where the child stands today, from the latest of their records. */
function stageOf(journey: Journey, today: string): ChildStage {
  if (journey.planChange) return 'PLAN_CHANGED';
  if (!journey.planOn) return 'CONSIDERING_ADOPTION';
  const latest = journey.matches.at(-1);
  if (latest) return STAGE_OF_MATCH[statusOf(latest, today)];
  // Early-permanence carers are linked before the placement, so such a child always has a match.
  return journey.authorityToPlace ? 'AUTHORITY_TO_PLACE' : 'SHOULD_BE_PLACED';
}

/** The records of each child's journey, and the child row whose summary columns agree with them. */
export function childTables(random: Random, ids: Random, journeys: Journey[], today: string) {
  const tables = {
    children: [] as Partial<ChildRecord>[],
    allocations: [] as Partial<AllocationRecord>[],
    decisions: [] as Partial<ChildDecisionRecord>[],
    placementOrders: [] as Partial<PlacementOrderRecord>[],
    matches: [] as Partial<MatchRecord>[],
    placements: [] as Partial<PlacementRecord>[],
    disruptions: [] as Partial<DisruptionRecord>[],
    agenda: [] as AgendaEntry[],
  };
  // Every child has an NHS number of their own, as in life.
  const nhsNumbers = new Set<string>();
  for (const journey of journeys) {
    const { id: childId, authority, planOn, authorityToPlace: atp, earlyPermanence: ep, planChange } = journey;
    const ppm = demoStaff(`ppm.${authority.toLowerCase()}`).id;
    const adm = demoStaff(`adm.${authority.toLowerCase()}`).id;
    const finder = demoStaff(journey.finder).id;
    const decided = journey.matches.filter((m) => m.decidedOn);
    const placed = journey.matches.filter((m) => m.placedOn);
    const adoptedOn = journey.matches.at(-1)?.adoptionOrderOn ?? null;

    tables.children.push({
      id: childId,
      authority,
      stage: stageOf(journey, today),
      ...fakeChildIdentity(random),
      dateOfBirth: addDays(journey.enteredCareOn, -ageOnEnteringCare(random, ep !== null)),
      nhsNumber: fakeNhsNumber(random, nhsNumbers),
      enteredCareOn: journey.enteredCareOn,
      adoptionPlanDecidedOn: planOn,
      placementOrderGrantedOn: atp?.on ?? null,
      earlyPermanencePlacedOn: ep?.on ?? null,
      matchedOn: decided.at(-1)?.decidedOn ?? null,
      placedOn: placed.at(-1)?.placedOn ?? null,
      adoptionOrderGrantedOn: adoptedOn,
      restrictionCategory: adoptedOn ? sealedAtAdoption(null) : null,
      planChangedOn: planChange?.on ?? null,
      planChangeReason: planChange?.reason ?? null,
      disruptedOn: journey.matches.filter((m) => m.disruption).at(-1)?.disruption!.on ?? null,
      createdBy: ppm,
    });
    if (!planOn) continue;

    const owned = { childId, authority };
    tables.decisions.push({
      ...owned,
      id: ids.uuid(),
      kind: 'ADOPTION_PLAN',
      outcome: 'APPROVED',
      decidedOn: planOn,
      rationale: random.pick(PLAN_RATIONALES),
      decidedBy: adm,
      rescindedOn: planChange?.on ?? null,
    });
    tables.allocations.push({
      ...owned,
      id: ids.uuid(),
      familyFinderId: finder,
      allocatedOn: planOn,
      endedOn: adoptedOn ?? planChange?.on ?? null,
      allocatedBy: ppm,
    });
    if (atp) tables.placementOrders.push({ ...owned, id: ids.uuid(), basis: atp.basis, grantedOn: atp.on, recordedBy: ppm });
    if (ep) {
      // The carers were linked first; placed for adoption with them, the placement converts in place.
      const link = journey.matches[0]!;
      tables.placements.push({
        ...owned,
        id: ids.uuid(),
        householdId: ep.householdId!,
        matchId: link.id,
        kind: link.placedOn ? 'ADOPTIVE' : 'EARLY_PERMANENCE',
        placedOn: ep.on,
        movedInOn: ep.on,
        convertedOn: link.placedOn,
        endedOn: null,
        recordedBy: ppm,
      });
    }
    for (const match of journey.matches) {
      tables.matches.push({
        ...owned,
        id: match.id,
        householdId: match.householdId!,
        status: statusOf(match, today),
        proposedOn: match.proposedOn,
        proposedBy: finder,
        approvedOn: match.decidedOn,
      });
      if (match.meeting) {
        tables.agenda.push({
          meeting: match.meeting,
          kind: 'MATCH',
          householdId: match.householdId!,
          match: { id: match.id, childId, authority },
          recommendation: match.meeting.on <= today ? 'POSITIVE' : null,
        });
      }
      if (match.decidedOn) {
        tables.decisions.push({
          ...owned,
          id: ids.uuid(),
          kind: 'MATCH',
          outcome: 'APPROVED',
          matchId: match.id,
          decidedOn: match.decidedOn,
          rationale: random.pick(MATCH_RATIONALES),
          decidedBy: adm,
          rescindedOn: null,
        });
      }
      if (!match.placedOn || ep) continue;
      const placementId = ids.uuid();
      tables.placements.push({
        ...owned,
        id: placementId,
        householdId: match.householdId!,
        matchId: match.id,
        kind: 'ADOPTIVE',
        placedOn: match.placedOn,
        movedInOn: match.placedOn,
        convertedOn: null,
        endedOn: match.disruption?.on ?? null,
        recordedBy: ppm,
      });
      if (match.disruption) {
        const { on: disruptedOn, meetingOn, reason } = match.disruption;
        tables.disruptions.push({
          ...owned,
          id: ids.uuid(),
          placementId,
          disruptedOn,
          meetingOn,
          reason,
          recordedBy: ppm,
        });
      }
    }
  }
  return tables;
}

/** Days old on entering care: many at birth (all early-permanence babies), some as infants, some older. */
function ageOnEnteringCare(random: Random, earlyPermanence: boolean): number {
  if (earlyPermanence || random.chance(0.4)) return random.int(0, 10);
  return random.chance(0.5) ? random.int(30, 540) : random.int(540, 2000);
}
