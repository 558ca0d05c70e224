import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput } from '../../graphql/input-rules';
import { changeHousehold } from '../household-change';
import { assertHouseholdMove, moveHousehold, stepActorOf } from '../household-moves';
import { HOUSEHOLD_MOVES, RECRUITMENT_STAGES, type HouseholdStage } from '../household-stage';
import type { HouseholdRecord } from '../household.entity';
import { AdvanceHouseholdStageInput } from '../household.inputs';
import { Household } from '../household.types';

/**
 * The journey's rule for advancing a household to `to`, by default its next recruitment stage: the journey makes that
 * move from its stage (it has not come to panel, nor left). The step runs it, and so does `viewerCan.advanceStage`.
 */
export function householdAdvanceDue(household: HouseholdRecord, to?: HouseholdStage): void {
  const next = to ?? HOUSEHOLD_MOVES.find(([from, , by]) => from === household.stage && by === 'ADVANCE')?.[1] ?? household.stage;
  assertHouseholdMove(household.stage, next, 'ADVANCE', 'stage');
}

/** The next recruitment stage, in order, up to panel; approval itself is the partnership ADM's decision. */
export function advanceHouseholdStage(ctx: ServiceContext, input: AdvanceHouseholdStageInput): Promise<Household> {
  return changeHousehold(ctx, MUTATION_ACCESS.advanceHouseholdStage.action, input, async (household, manager) => {
    checkInput(
      input,
      () => {
        if (!RECRUITMENT_STAGES.includes(input.stage)) {
          throw badUserInput(
            'stage',
            'a family finder advances a household through recruitment up to PANEL; approval is the ADM’s decision',
          );
        }
      },
      () => assertNotFuture('enteredOn', input.enteredOn, ctx.today),
    );
    householdAdvanceDue(household, input.stage);
    assertOnOrAfter('enteredOn', input.enteredOn, household.stageEnteredOn, 'a stage starts on or after the previous one');
    return moveHousehold(manager, household, { to: input.stage, by: 'ADVANCE', on: input.enteredOn, field: 'stage' }, stepActorOf(ctx));
  });
}

@Resolver()
export class AdvanceHouseholdStageStep {
  @Mutation(() => Household, { description: 'A family finder moves a household to its next recruitment stage, up to panel.' })
  advanceHouseholdStage(
    @Arg('input', () => AdvanceHouseholdStageInput, { description: 'The household, its next stage and the day it entered it.' })
    input: AdvanceHouseholdStageInput,
    @Ctx() ctx: RequestContext,
  ) {
    return advanceHouseholdStage(ctx, input);
  }
}
