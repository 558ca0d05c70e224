import { IsNull } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { addDays } from '../../common/clock';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput } from '../../graphql/input-rules';
import { stepActorOf } from '../../households/household-moves';
import { AllocationRecord } from '../allocation.entity';
import { changeChild } from '../child-change';
import type { ChildRecord } from '../child.entity';
import { RecordAdoptionOrderInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf, type Journey } from '../journey-records';
import { ADOPTION_ORDER_MIN_DAYS, RULES } from '../legal-order';
import { moveMatch } from '../match-status';
import type { PlacementRecord } from '../placement.entity';
import { sealedAtAdoption } from '../sealing';

/**
 * The journey's rule for the adoption order: none is recorded yet, and the child is placed for adoption. Returns the
 * placement. The step runs it, and so does `viewerCan.recordAdoptionOrder`.
 */
export async function adoptionOrderDue(journey: Journey, child: ChildRecord): Promise<PlacementRecord> {
  if (child.adoptionOrderGrantedOn) throw conflict('ALREADY_RECORDED', 'An adoption order is already recorded for this child');
  const placement = await journey.livePlacement();
  if (child.stage !== 'PLACED' || !placement || placement.kind !== 'ADOPTIVE') {
    throw badUserInput('grantedOn', RULES.adoptionNeedsPlacement);
  }
  return placement;
}

export function recordAdoptionOrder(ctx: ServiceContext, input: RecordAdoptionOrderInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordAdoptionOrder.action, input, async (child, manager) => {
    checkInput(input, () => assertNotFuture('grantedOn', input.grantedOn, ctx.today));
    const placement = await adoptionOrderDue(journeyOf(manager, child.id), child);
    assertOnOrAfter('grantedOn', input.grantedOn, addDays(placement.placedOn, ADOPTION_ORDER_MIN_DAYS), RULES.adoptionTenWeeks);
    if (placement.matchId) await moveMatch(manager, stepActorOf(ctx), 'record', placement.matchId, 'ADOPTED');
    // Family finding is over: the finder's access to the adopted child ends with it.
    await manager.update(AllocationRecord, { childId: child.id, endedOn: IsNull() }, { endedOn: input.grantedOn });
    return { stage: 'ADOPTED', adoptionOrderGrantedOn: input.grantedOn, restrictionCategory: sealedAtAdoption(child.restrictionCategory) };
  });
}

@Resolver()
export class RecordAdoptionOrderStep {
  @Mutation(() => Child, { description: 'A PPM lead records the adoption order (at least 10 weeks after placement).' })
  recordAdoptionOrder(
    @Arg('input', () => RecordAdoptionOrderInput, { description: 'The child and the day of the adoption order.' })
    input: RecordAdoptionOrderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordAdoptionOrder(ctx, input);
  }
}
