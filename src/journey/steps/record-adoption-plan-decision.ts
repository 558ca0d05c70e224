import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, requireText } from '../../graphql/input-rules';
import { changeChild } from '../child-change';
import { ChildDecisionRecord } from '../child-decision.entity';
import { restingStage } from '../child-stage';
import type { ChildRecord } from '../child.entity';
import { Child } from '../child.types';
import { RecordAdoptionPlanDecisionInput } from '../decision.inputs';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';

/**
 * The journey's rule for an adoption plan decision: the child is not adopted and has no live plan. The step runs
 * it, and so does `viewerCan.decideAdoptionPlan`.
 */
export async function adoptionPlanDecisionDue(journey: Journey, child: ChildRecord): Promise<void> {
  if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
  if (await journey.livePlan()) throw conflict('ALREADY_RECORDED', 'An adoption plan decision is already recorded for this child');
}

/** The ADM decides that the child should be placed for adoption. */
export function recordAdoptionPlanDecision(ctx: ServiceContext, input: RecordAdoptionPlanDecisionInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordAdoptionPlanDecision.action, input, async (child, manager) => {
    const on = input.decidedOn;
    const [rationale] = checkInput(
      input,
      () => requireText('rationale', input.rationale),
      () => assertNotFuture('decidedOn', on, ctx.today),
    );
    const journey = journeyOf(manager, child.id);
    await adoptionPlanDecisionDue(journey, child);
    assertOnOrAfter('decidedOn', on, child.enteredCareOn, RULES.planAfterCare);
    const order = await journey.authorityToPlace();
    if (order && on > order.grantedOn) throw badUserInput('decidedOn', RULES.planBeforeOrder);
    const placement = await journey.livePlacement();
    // Fostering for adoption may begin while adoption is only being considered: only an adoptive placement follows the plan.
    if (placement?.kind === 'ADOPTIVE' && on > placement.placedOn) throw badUserInput('decidedOn', RULES.planBeforePlacement);
    await manager.insert(ChildDecisionRecord, {
      childId: child.id,
      authority: child.authority,
      kind: 'ADOPTION_PLAN',
      outcome: 'APPROVED',
      decidedOn: on,
      rationale,
      decidedBy: ctx.actor.staffId,
    });
    const replanning = child.stage === 'CONSIDERING_ADOPTION' || child.stage === 'PLAN_CHANGED';
    return {
      adoptionPlanDecidedOn: on,
      planChangedOn: null,
      planChangeReason: null,
      stage: replanning ? restingStage(order !== null, placement?.kind === 'EARLY_PERMANENCE') : child.stage,
    };
  });
}

@Resolver()
export class RecordAdoptionPlanDecisionStep {
  @Mutation(() => Child, { description: "The child's ADM decides that the child should be placed for adoption." })
  recordAdoptionPlanDecision(
    @Arg('input', () => RecordAdoptionPlanDecisionInput, { description: 'The child, the day of the decision and its rationale.' })
    input: RecordAdoptionPlanDecisionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordAdoptionPlanDecision(ctx, input);
  }
}
