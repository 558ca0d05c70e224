import { In } from 'typeorm';
import { unitReader, type RuleRead, type RuleReader } from '../../access/rule-reads';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, requireText } from '../../graphql/input-rules';
import { MatchRecord, OPEN_MATCH_STATUSES } from '../../journey/match.entity';
import { changeHousehold } from '../household-change';
import { assertHouseholdMove, moveHousehold, stepActorOf } from '../household-moves';
import type { HouseholdRecord } from '../household.entity';
import { CLOSED_HOUSEHOLD_STAGES } from '../household-stage';
import { WithdrawHouseholdInput } from '../household.inputs';
import { Household } from '../household.types';

/** Per household: whether a child is linked, matched or placed with it. */
const HAS_OPEN_MATCH: RuleRead<true> = {
  name: 'household:open-match',
  read: async (manager, ids) => {
    const open = await manager.findBy(MatchRecord, { householdId: In([...ids]), status: In([...OPEN_MATCH_STATUSES]) });
    return new Map(open.map((match) => [match.householdId, true]));
  },
};

/**
 * The journey's rule for a withdrawal: the household's file is open, its stage allows it, and no child is linked,
 * matched or placed with it. The step runs it, and so does `viewerCan.withdraw`.
 */
export async function withdrawalDue(reader: RuleReader, household: HouseholdRecord): Promise<void> {
  if (CLOSED_HOUSEHOLD_STAGES.includes(household.stage))
    throw conflict('ALREADY_RECORDED', `The household is already ${household.stage.toLowerCase()}`);
  if (await reader.get(HAS_OPEN_MATCH, household.id)) {
    throw badUserInput('householdId', 'the household has a child linked, matched or placed: close that first');
  }
  assertHouseholdMove(household.stage, 'WITHDRAWN', 'WITHDRAWAL', 'householdId');
}

/** The household withdraws (their choice); its open links must be closed first. */
export function withdrawHousehold(ctx: ServiceContext, input: WithdrawHouseholdInput): Promise<Household> {
  return changeHousehold(ctx, MUTATION_ACCESS.withdrawHousehold.action, input, async (household, manager) => {
    const [reason] = checkInput(
      input,
      () => requireText('reason', input.reason),
      () => assertNotFuture('withdrawnOn', input.withdrawnOn, ctx.today),
    );
    await withdrawalDue(unitReader(manager), household);
    assertOnOrAfter('withdrawnOn', input.withdrawnOn, household.stageEnteredOn, 'a withdrawal is on or after the current stage began');
    const move = { to: 'WITHDRAWN', by: 'WITHDRAWAL', on: input.withdrawnOn, field: 'householdId' } as const;
    return moveHousehold(manager, household, move, stepActorOf(ctx), { reason });
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
