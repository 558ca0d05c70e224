import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput } from '../../graphql/input-rules';
import { changeChild } from '../child-change';
import type { ChildDecisionRecord } from '../child-decision.entity';
import { stageAfter } from '../child-stage';
import { RecordPlacementOrderInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';
import { PlacementOrderRecord } from '../placement-order.entity';

/**
 * The journey's rule for authority to place: adoption is the child's plan, and no order (or consent) is recorded yet.
 * Returns the plan. The step runs it, and so does `viewerCan.recordPlacementOrder`.
 */
export async function placementOrderDue(journey: Journey): Promise<ChildDecisionRecord> {
  const plan = await journey.requirePlan('grantedOn', RULES.planBeforeOrder);
  if (await journey.authorityToPlace()) throw conflict('ALREADY_RECORDED', 'Authority to place is already recorded for this child');
  return plan;
}

export function recordPlacementOrder(ctx: ServiceContext, input: RecordPlacementOrderInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordPlacementOrder.action, input, async (child, manager) => {
    checkInput(input, () => assertNotFuture('grantedOn', input.grantedOn, ctx.today));
    const plan = await placementOrderDue(journeyOf(manager, child.id));
    assertOnOrAfter('grantedOn', input.grantedOn, plan.decidedOn, RULES.orderAfterPlan);
    await manager.insert(PlacementOrderRecord, {
      childId: child.id,
      authority: child.authority,
      basis: input.basis ?? 'PLACEMENT_ORDER',
      grantedOn: input.grantedOn,
      recordedBy: ctx.actor.staffId,
    });
    return { placementOrderGrantedOn: input.grantedOn, stage: stageAfter(child.stage, 'AUTHORITY_TO_PLACE') };
  });
}

@Resolver()
export class RecordPlacementOrderStep {
  @Mutation(() => Child, { description: 'A PPM lead records authority to place: a placement order, or formal consent.' })
  recordPlacementOrder(
    @Arg('input', () => RecordPlacementOrderInput, { description: 'The child and the authority to place granted.' })
    input: RecordPlacementOrderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordPlacementOrder(ctx, input);
  }
}
