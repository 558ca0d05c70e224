import { In } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertRecordedDate, requireText } from '../../graphql/input-rules';
import { MatchRecord, OPEN_MATCH_STATUSES } from '../../journey/match.entity';
import { changeHousehold } from '../household-change';
import { moveHousehold, stepActorOf } from '../household-moves';
import { CLOSED_HOUSEHOLD_STAGES } from '../household-stage';
import { WithdrawHouseholdInput } from '../household.inputs';
import { Household } from '../household.types';

/** The household withdraws (their choice); its open links must be closed first. */
export function withdrawHousehold(ctx: ServiceContext, input: WithdrawHouseholdInput): Promise<Household> {
  return changeHousehold(ctx, 'update', input, async (household, manager) => {
    if (CLOSED_HOUSEHOLD_STAGES.includes(household.stage))
      throw conflict('ALREADY_RECORDED', `The household is already ${household.stage.toLowerCase()}`);
    const open = await manager.countBy(MatchRecord, { householdId: household.id, status: In([...OPEN_MATCH_STATUSES]) });
    if (open > 0) throw badUserInput('householdId', 'the household has a child linked, matched or placed: close that first');
    assertRecordedDate(
      'withdrawnOn',
      input.withdrawnOn,
      ctx.today,
      household.stageEnteredOn,
      'a withdrawal is on or after the current stage began',
    );
    const move = { to: 'WITHDRAWN', by: 'WITHDRAWAL', on: input.withdrawnOn, field: 'householdId' } as const;
    return moveHousehold(manager, household, move, stepActorOf(ctx), { reason: requireText('reason', input.reason) });
  });
}

@Resolver()
export class WithdrawHouseholdStep {
  @Mutation(() => Household, { description: 'A family finder records that the household withdraws.' })
  withdrawHousehold(
    @Arg('input', () => WithdrawHouseholdInput, { description: 'The household, the day it withdrew and why.' })
    input: WithdrawHouseholdInput,
    @Ctx() ctx: RequestContext,
  ) {
    return withdrawHousehold(ctx, input);
  }
}
