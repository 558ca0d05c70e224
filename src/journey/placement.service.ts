import { lockedById } from '../db/locked';
import type { ServiceContext } from '../access/service-context';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, requireText } from '../graphql/input-rules';
import { householdNamedBy } from '../households/household-lookup';
import { moveHousehold, releaseHousehold, stepActorOf } from '../households/household-moves';
import { moveMatch } from './match-status';
import type { HouseholdStage } from '../households/household-stage';
import { HouseholdRecord } from '../households/household.entity';
import { changeChild } from './child-change';
import { stageAfter } from './child-stage';
import type { RecordDisruptionInput, RecordEarlyPermanencePlacementInput, RecordPlacementInput } from './child.inputs';
import type { Child } from './child.types';
import { DisruptionRecord } from './disruption.entity';
import { journeyOf } from './journey-records';
import { RULES } from './legal-order';
import { PlacementRecord } from './placement.entity';

/** A child is placed with the household matched with them; one already placed takes a brother or sister too. */
const PLACEABLE_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['MATCHED', 'PLACED'];

/** Where the child lives: early-permanence and adoptive placements, and disruptions. */
export class PlacementService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Fostering for adoption with carers approved as both, before authority to place. While adoption is only
   * being considered (no plan decision yet) the PPM lead names the carers and the day they were temporarily
   * approved as the child's foster carers; once the plan is decided, the carers are the household linked
   * with the child.
   */
  recordEarlyPermanencePlacement(input: RecordEarlyPermanencePlacementInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      const journey = journeyOf(manager, child.id);
      const plan = await journey.livePlan();
      if (!plan && child.stage !== 'CONSIDERING_ADOPTION') throw badUserInput('placedOn', RULES.earlyPermanenceWhileConsidering);
      if (await journey.authorityToPlace()) throw badUserInput('placedOn', RULES.earlyPermanenceBeforeOrder);
      if (await journey.livePlacement()) throw conflict('The child already has a current placement');
      const household = await householdNamedBy(this.ctx, manager, input.householdId);
      if (!household.earlyPermanence || !['APPROVED', 'MATCHED'].includes(household.stage)) {
        throw badUserInput('householdId', RULES.earlyPermanenceCarers);
      }
      const approvedOn = input.temporaryFosterCarerApprovalOn ?? null;
      let matchId: string | null = null;
      if (plan) {
        const link = await journey.openMatch();
        if (!link || link.householdId !== household.id) throw badUserInput('householdId', RULES.linkedFirst);
        assertRecordedDate('placedOn', input.placedOn, this.ctx.today, plan.decidedOn, RULES.planBeforePlacement);
        assertRecordedDate('placedOn', input.placedOn, this.ctx.today, link.proposedOn, 'the placement is on or after the link');
        matchId = link.id;
      } else {
        if (!approvedOn) throw badUserInput('temporaryFosterCarerApprovalOn', RULES.temporaryApprovalNeeded);
        assertRecordedDate('placedOn', input.placedOn, this.ctx.today, child.enteredCareOn, RULES.placementAfterCare);
      }
      if (approvedOn) {
        assertRecordedDate('temporaryFosterCarerApprovalOn', approvedOn, this.ctx.today);
        if (approvedOn > input.placedOn) throw badUserInput('temporaryFosterCarerApprovalOn', RULES.temporaryApprovalBeforePlacement);
      }
      await manager.insert(PlacementRecord, {
        childId: child.id,
        authority: child.authority,
        householdId: household.id,
        matchId,
        kind: 'EARLY_PERMANENCE',
        placedOn: input.placedOn,
        movedInOn: input.placedOn,
        temporaryFosterCarerApprovalOn: approvedOn,
        recordedBy: this.ctx.actor.staffId,
      });
      return { earlyPermanencePlacedOn: input.placedOn, stage: stageAfter(child.stage, 'EARLY_PERMANENCE') };
    });
  }

  /**
   * The adoptive placement, after the ADM's match decision and with authority to place. An early-permanence
   * placement with the same family converts in place (the child moved in on its first day).
   */
  recordPlacement(input: RecordPlacementInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      const journey = journeyOf(manager, child.id);
      const match = await journey.openMatch();
      if (match?.status === 'PLACED') throw conflict('The child is already placed with this family');
      if (!match || match.status !== 'APPROVED') throw badUserInput('placedOn', RULES.placementNeedsMatch);
      if (!(await journey.authorityToPlace())) throw badUserInput('placedOn', RULES.placementNeedsOrder);
      const plan = await journey.requirePlan('placedOn', RULES.planBeforePlacement);
      assertRecordedDate('placedOn', input.placedOn, this.ctx.today, plan.decidedOn, RULES.planBeforePlacement);
      assertRecordedDate('placedOn', input.placedOn, this.ctx.today, match.approvedOn, RULES.placementAfterMatch);
      const current = await journey.livePlacement();
      if (current && current.householdId !== match.householdId) throw badUserInput('placedOn', RULES.placedElsewhere);
      const household = await lockedById(manager, HouseholdRecord, match.householdId);
      if (!PLACEABLE_HOUSEHOLD_STAGES.includes(household.stage)) throw badUserInput('childId', RULES.placementNeedsMatchedHousehold);
      const movedInOn = current?.movedInOn ?? input.movedInOn ?? input.placedOn;
      if (movedInOn > input.placedOn) throw badUserInput('movedInOn', RULES.movedInBeforePlacement);

      if (current) {
        await manager.update(PlacementRecord, { id: current.id }, { kind: 'ADOPTIVE', convertedOn: input.placedOn, matchId: match.id });
      } else {
        await manager.insert(PlacementRecord, {
          childId: child.id,
          authority: child.authority,
          householdId: match.householdId,
          matchId: match.id,
          kind: 'ADOPTIVE',
          placedOn: input.placedOn,
          movedInOn,
          recordedBy: this.ctx.actor.staffId,
        });
      }
      await moveMatch(manager, stepActorOf(this.ctx), 'record', match.id, 'PLACED');
      if (household.stage === 'MATCHED') {
        const move = { to: 'PLACED', by: 'PLACEMENT', on: input.placedOn, field: 'childId' } as const;
        await moveHousehold(manager, household, move, stepActorOf(this.ctx));
      }
      return { stage: 'PLACED', placedOn: input.placedOn };
    });
  }

  /** A placement ends before an adoption order; a disruption meeting is held. The child returns to family finding. */
  recordDisruption(input: RecordDisruptionInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
      const placement = await journeyOf(manager, child.id).livePlacement();
      if (!placement) throw badUserInput('disruptedOn', RULES.disruptionNeedsPlacement);
      assertRecordedDate('disruptedOn', input.disruptedOn, this.ctx.today, placement.placedOn, RULES.disruptionAfterPlacement);
      assertRecordedDate('meetingOn', input.meetingOn, this.ctx.today, input.disruptedOn, RULES.meetingAfterDisruption);
      await manager.insert(DisruptionRecord, {
        childId: child.id,
        authority: child.authority,
        placementId: placement.id,
        disruptedOn: input.disruptedOn,
        meetingOn: input.meetingOn,
        reason: requireText('reason', input.reason),
        recordedBy: this.ctx.actor.staffId,
      });
      await manager.update(PlacementRecord, { id: placement.id }, { endedOn: input.disruptedOn });
      if (placement.matchId) await moveMatch(manager, stepActorOf(this.ctx), 'record', placement.matchId, 'DISRUPTED');
      const move = { by: 'DISRUPTION', on: input.disruptedOn, field: 'childId' } as const;
      await releaseHousehold(manager, placement.householdId, ['PLACED', 'MATCHED'], move, stepActorOf(this.ctx), 'placement disrupted');
      return { stage: 'DISRUPTED', disruptedOn: input.disruptedOn };
    });
  }
}
