import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { badUserInput } from '../../graphql/errors';
import { assertRecordedDate } from '../../graphql/input-rules';
import { changeHousehold } from '../household-change';
import { assertHouseholdMove, moveHousehold, stepActorOf } from '../household-moves';
import { RECRUITMENT_STAGES } from '../household-stage';
import { AdvanceHouseholdStageInput } from '../household.inputs';
import { Household } from '../household.types';

/** The next recruitment stage, in order, up to panel; approval itself is the partnership ADM's decision. */
export function advanceHouseholdStage(ctx: ServiceContext, input: AdvanceHouseholdStageInput): Promise<Household> {
  return changeHousehold(ctx, 'update', input, async (household, manager) => {
    if (!RECRUITMENT_STAGES.includes(input.stage)) {
      throw badUserInput('stage', 'a family finder advances a household through recruitment up to PANEL; approval is the ADM’s decision');
    }
    assertHouseholdMove(household.stage, input.stage, 'ADVANCE', 'stage');
    assertRecordedDate('enteredOn', input.enteredOn, ctx.today, household.stageEnteredOn, 'a stage starts on or after the previous one');
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
