import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { lockedById } from '../../db/locked';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput } from '../../graphql/input-rules';
import { moveHousehold, stepActorOf } from '../../households/household-moves';
import type { HouseholdStage } from '../../households/household-stage';
import { HouseholdRecord } from '../../households/household.entity';
import { changeChild } from '../child-change';
import type { ChildDecisionRecord } from '../child-decision.entity';
import { RecordPlacementInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';
import { moveMatch } from '../match-status';
import type { MatchRecord } from '../match.entity';
import { PlacementRecord } from '../placement.entity';

/** A child is placed with the household matched with them; one already placed takes a brother or sister too. */
const PLACEABLE_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['MATCHED', 'PLACED'];

/**
 * The journey's rule for the adoptive placement: the ADM has approved the child's open match, with authority to place
 * and adoption the plan; the child is not placed elsewhere. Returns what the step builds on. The step runs it, and so
 * does `viewerCan.recordPlacement`.
 */
export async function placementDue(
  journey: Journey,
): Promise<{ match: MatchRecord; plan: ChildDecisionRecord; current: PlacementRecord | null }> {
  const match = await journey.openMatch();
  if (match?.status === 'PLACED') throw conflict('ALREADY_RECORDED', 'The child is already placed with this family');
  if (!match || match.status !== 'APPROVED') throw badUserInput('placedOn', RULES.placementNeedsMatch);
  if (!(await journey.authorityToPlace())) throw badUserInput('placedOn', RULES.placementNeedsOrder);
  const plan = await journey.requirePlan('placedOn', RULES.planBeforePlacement);
  const current = await journey.livePlacement();
  if (current && current.householdId !== match.householdId) throw badUserInput('placedOn', RULES.placedElsewhere);
  return { match, plan, current };
}

/**
 * The adoptive placement, after the ADM's match decision and with authority to place. An early-permanence
 * placement with the same family converts in place (the child moved in on its first day).
 */
export function recordPlacement(ctx: ServiceContext, input: RecordPlacementInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordPlacement.action, input, async (child, manager) => {
    checkInput(
      input,
      () => assertNotFuture('placedOn', input.placedOn, ctx.today),
      () => {
        if (input.movedInOn && input.movedInOn > input.placedOn) throw badUserInput('movedInOn', RULES.movedInBeforePlacement);
      },
    );
    const { match, plan, current } = await placementDue(journeyOf(manager, child.id));
    assertOnOrAfter('placedOn', input.placedOn, plan.decidedOn, RULES.planBeforePlacement);
    if (match.approvedOn) assertOnOrAfter('placedOn', input.placedOn, match.approvedOn, RULES.placementAfterMatch);
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
        recordedBy: ctx.actor.staffId,
      });
    }
    await moveMatch(manager, stepActorOf(ctx), 'record', match.id, 'PLACED');
    if (household.stage === 'MATCHED') {
      const move = { to: 'PLACED', by: 'PLACEMENT', on: input.placedOn, field: 'childId' } as const;
      await moveHousehold(manager, household, move, stepActorOf(ctx));
    }
    return { stage: 'PLACED', placedOn: input.placedOn };
  });
}

@Resolver()
export class RecordPlacementStep {
  @Mutation(() => Child, { description: 'A PPM lead records the adoptive placement with the approved match.' })
  recordPlacement(
    @Arg('input', () => RecordPlacementInput, { description: 'The child and the day of the placement.' }) input: RecordPlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordPlacement(ctx, input);
  }
}
