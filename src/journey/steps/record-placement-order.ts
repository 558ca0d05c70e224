import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { conflict } from '../../graphql/errors';
import { assertRecordedDate } from '../../graphql/input-rules';
import { changeChild } from '../child-change';
import { stageAfter } from '../child-stage';
import { RecordPlacementOrderInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf } from '../journey-records';
import { RULES } from '../legal-order';
import { PlacementOrderRecord } from '../placement-order.entity';

export function recordPlacementOrder(ctx: ServiceContext, input: RecordPlacementOrderInput): Promise<Child> {
  return changeChild(ctx, 'record', input, async (child, manager) => {
    const journey = journeyOf(manager, child.id);
    const plan = await journey.requirePlan('grantedOn', RULES.planBeforeOrder);
    assertRecordedDate('grantedOn', input.grantedOn, ctx.today, plan.decidedOn, RULES.orderAfterPlan);
    if (await journey.authorityToPlace()) throw conflict('ALREADY_RECORDED', 'Authority to place is already recorded for this child');
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
