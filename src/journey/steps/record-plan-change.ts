import { IsNull } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, requireText } from '../../graphql/input-rules';
import { releaseHousehold, stepActorOf } from '../../households/household-moves';
import { AllocationRecord } from '../allocation.entity';
import { changeChild } from '../child-change';
import { ChildDecisionRecord } from '../child-decision.entity';
import type { ChildRecord } from '../child.entity';
import { RecordPlanChangeInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';
import { moveMatch } from '../match-status';

/**
 * The journey's rule for a change of plan: the child is not adopted, the change is not recorded yet, and the child is
 * not placed. The step runs it, and so does `viewerCan.recordPlanChange`.
 */
export async function planChangeDue(journey: Journey, child: ChildRecord): Promise<void> {
  if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
  if (child.stage === 'PLAN_CHANGED') throw conflict('ALREADY_RECORDED', 'The plan change is already recorded');
  if (await journey.livePlacement()) throw badUserInput('changedOn', RULES.planChangeWhilePlaced);
}

/** Adoption is no longer the plan: the plan decision is rescinded, family finding and open links end. */
export function recordPlanChange(ctx: ServiceContext, input: RecordPlanChangeInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordPlanChange.action, input, async (child, manager) => {
    const on = input.changedOn;
    const [reason] = checkInput(
      input,
      () => requireText('reason', input.reason),
      () => assertNotFuture('changedOn', on, ctx.today),
    );
    const journey = journeyOf(manager, child.id);
    await planChangeDue(journey, child);
    assertOnOrAfter('changedOn', on, child.enteredCareOn, 'a plan changes on or after the child entered care');
    await manager.update(ChildDecisionRecord, { childId: child.id, kind: 'ADOPTION_PLAN', rescindedOn: IsNull() }, { rescindedOn: on });
    await manager.update(AllocationRecord, { childId: child.id, endedOn: IsNull() }, { endedOn: on });
    const open = await journey.openMatch();
    if (open) {
      await moveMatch(manager, stepActorOf(ctx), 'record', open.id, 'WITHDRAWN');
      const move = { by: 'PLAN_CHANGE', on, field: 'childId' } as const;
      await releaseHousehold(manager, open.householdId, ['MATCHED'], move, stepActorOf(ctx), 'the child’s plan changed');
    }
    return { stage: 'PLAN_CHANGED', planChangedOn: on, planChangeReason: reason };
  });
}

@Resolver()
export class RecordPlanChangeStep {
  @Mutation(() => Child, { description: 'A PPM lead records that adoption is no longer the plan.' })
  recordPlanChange(
    @Arg('input', () => RecordPlanChangeInput, { description: 'The child, the day and the reason.' }) input: RecordPlanChangeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordPlanChange(ctx, input);
  }
}
