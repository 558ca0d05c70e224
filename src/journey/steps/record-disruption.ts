import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, requireText } from '../../graphql/input-rules';
import { releaseHousehold, stepActorOf } from '../../households/household-moves';
import { changeChild } from '../child-change';
import type { ChildRecord } from '../child.entity';
import { RecordDisruptionInput } from '../child.inputs';
import { Child } from '../child.types';
import { DisruptionRecord } from '../disruption.entity';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';
import { moveMatch } from '../match-status';
import { PlacementRecord } from '../placement.entity';

/**
 * The journey's rule for a disruption: the child is not adopted and is placed. Returns the placement. The step runs
 * it, and so does `viewerCan.recordDisruption`.
 */
export async function disruptionDue(journey: Journey, child: ChildRecord): Promise<PlacementRecord> {
  if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
  const placement = await journey.livePlacement();
  if (!placement) throw badUserInput('disruptedOn', RULES.disruptionNeedsPlacement);
  return placement;
}

/** A placement ends before an adoption order; a disruption meeting is held. The child returns to family finding. */
export function recordDisruption(ctx: ServiceContext, input: RecordDisruptionInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordDisruption.action, input, async (child, manager) => {
    const [reason] = checkInput(
      input,
      () => requireText('reason', input.reason),
      () => assertNotFuture('disruptedOn', input.disruptedOn, ctx.today),
      () => assertNotFuture('meetingOn', input.meetingOn, ctx.today),
      () => assertOnOrAfter('meetingOn', input.meetingOn, input.disruptedOn, RULES.meetingAfterDisruption),
    );
    const placement = await disruptionDue(journeyOf(manager, child.id), child);
    assertOnOrAfter('disruptedOn', input.disruptedOn, placement.placedOn, RULES.disruptionAfterPlacement);
    await manager.insert(DisruptionRecord, {
      childId: child.id,
      authority: child.authority,
      placementId: placement.id,
      disruptedOn: input.disruptedOn,
      meetingOn: input.meetingOn,
      reason,
      recordedBy: ctx.actor.staffId,
    });
    await manager.update(PlacementRecord, { id: placement.id }, { endedOn: input.disruptedOn });
    if (placement.matchId) await moveMatch(manager, stepActorOf(ctx), 'record', placement.matchId, 'DISRUPTED');
    const move = { by: 'DISRUPTION', on: input.disruptedOn, field: 'childId' } as const;
    await releaseHousehold(manager, placement.householdId, ['PLACED', 'MATCHED'], move, stepActorOf(ctx), 'placement disrupted');
    return { stage: 'DISRUPTED', disruptedOn: input.disruptedOn };
  });
}

@Resolver()
export class RecordDisruptionStep {
  @Mutation(() => Child, { description: 'A PPM lead records a disruption and its meeting; the placement ends.' })
  recordDisruption(
    @Arg('input', () => RecordDisruptionInput, { description: 'The child, the day the placement ended, its meeting and why.' })
    input: RecordDisruptionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordDisruption(ctx, input);
  }
}
