import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { badUserInput } from '../../graphql/errors';
import { assertRecordedDate, requireText } from '../../graphql/input-rules';
import { DecideHouseholdApprovalInput } from '../../journey/decision.inputs';
import { unusedHouseholdRecommendation } from '../../panels/recommendations';
import { changeHousehold } from '../household-change';
import { HouseholdDecisionRecord } from '../household-decision.entity';
import { moveHousehold, stepActorOf } from '../household-moves';
import { Household } from '../household.types';

const APPROVAL_ITEMS = ['ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL'] as const;
const TERMINATION_ITEMS = ['APPROVAL_REVIEW', 'TERMINATION'] as const;
const APPROVAL_RESTS_ON =
  'the decision rests on a panel recommendation heard since the household came to panel, not used by an earlier decision';
const TERMINATION_RESTS_ON = 'a termination rests on a panel recommendation heard after the approval, not used by an earlier decision';

/** The partnership ADM approves (or not) an adopter household after panel, or terminates an approval. */
export function decideHouseholdApproval(ctx: ServiceContext, input: DecideHouseholdApprovalInput): Promise<Household> {
  return changeHousehold(ctx, 'approve', input, async (household, manager) => {
    const terminating = input.outcome === 'TERMINATED';
    const expectedStage = terminating ? 'APPROVED' : 'PANEL';
    if (household.stage !== expectedStage) {
      throw badUserInput(
        'householdId',
        terminating
          ? 'only an approved household without a child matched can have its approval terminated'
          : 'a household is approved or not after panel',
      );
    }
    const since = terminating ? (household.approvedOn ?? household.stageEnteredOn) : household.stageEnteredOn;
    const panel = await unusedHouseholdRecommendation(manager, household.id, terminating ? TERMINATION_ITEMS : APPROVAL_ITEMS, since);
    if (!panel) throw badUserInput('householdId', terminating ? TERMINATION_RESTS_ON : APPROVAL_RESTS_ON);
    const on = input.decidedOn;
    assertRecordedDate('decidedOn', on, ctx.today, panel.meetingOn, 'the ADM decides on or after the panel meeting');
    await manager.insert(HouseholdDecisionRecord, {
      householdId: household.id,
      outcome: input.outcome,
      decidedOn: on,
      rationale: requireText('rationale', input.rationale),
      decidedBy: ctx.actor.staffId,
    });
    const move = { to: input.outcome, by: 'APPROVAL_DECISION', on, field: 'householdId' } as const;
    return moveHousehold(manager, household, move, stepActorOf(ctx), {
      approvedOn: input.outcome === 'APPROVED' ? on : household.approvedOn,
    });
  });
}

@Resolver()
export class DecideHouseholdApprovalStep {
  @Mutation(() => Household, { description: 'The partnership ADM approves, refuses or terminates, after a panel recommendation.' })
  decideHouseholdApproval(
    @Arg('input', () => DecideHouseholdApprovalInput, { description: 'The household, the decision and its reasons.' })
    input: DecideHouseholdApprovalInput,
    @Ctx() ctx: RequestContext,
  ) {
    return decideHouseholdApproval(ctx, input);
  }
}
