import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { unitReader, type RuleReader } from '../../access/rule-reads';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, requireText } from '../../graphql/input-rules';
import { DecideHouseholdApprovalInput } from '../../journey/decision.inputs';
import { unusedHouseholdRecommendation } from '../../panels/recommendations';
import { changeHousehold } from '../household-change';
import { HouseholdDecisionRecord } from '../household-decision.entity';
import { moveHousehold, stepActorOf } from '../household-moves';
import type { HouseholdRecord } from '../household.entity';
import { Household } from '../household.types';

const APPROVAL_ITEMS = ['ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL'] as const;
const TERMINATION_ITEMS = ['APPROVAL_REVIEW', 'TERMINATION'] as const;
const APPROVAL_RESTS_ON =
  'the decision rests on a panel recommendation heard since the household came to panel, not used by an earlier decision';
const TERMINATION_RESTS_ON = 'a termination rests on a panel recommendation heard after the approval, not used by an earlier decision';

/**
 * The journey's rule for the partnership ADM's decision: at panel, on approval (approved or not), resting on a
 * recommendation on it heard since it came to panel; once approved, on termination, resting on one heard since the
 * approval. Either way no earlier decision rested on the recommendation. Returns it. The step runs it, and so does
 * `viewerCan.decideApproval` (for the decision the household's stage calls for).
 */
export async function householdDecisionDue(reader: RuleReader, household: HouseholdRecord, terminating: boolean) {
  if (household.stage !== (terminating ? 'APPROVED' : 'PANEL')) {
    throw badUserInput(
      'householdId',
      terminating
        ? 'only an approved household without a child matched can have its approval terminated'
        : 'a household is approved or not after panel',
    );
  }
  const since = terminating ? (household.approvedOn ?? household.stageEnteredOn) : household.stageEnteredOn;
  const panel = await unusedHouseholdRecommendation(reader, household.id, terminating ? TERMINATION_ITEMS : APPROVAL_ITEMS, since);
  if (!panel) throw badUserInput('householdId', terminating ? TERMINATION_RESTS_ON : APPROVAL_RESTS_ON);
  return panel;
}

/** The partnership ADM approves (or not) an adopter household after panel, or terminates an approval. */
export function decideHouseholdApproval(ctx: ServiceContext, input: DecideHouseholdApprovalInput): Promise<Household> {
  return changeHousehold(ctx, MUTATION_ACCESS.decideHouseholdApproval.action, input, async (household, manager) => {
    const on = input.decidedOn;
    const [rationale] = checkInput(
      input,
      () => requireText('rationale', input.rationale),
      () => assertNotFuture('decidedOn', on, ctx.today),
    );
    const panel = await householdDecisionDue(unitReader(manager), household, input.outcome === 'TERMINATED');
    assertOnOrAfter('decidedOn', on, panel.meetingOn, 'the ADM decides on or after the panel meeting');
    await manager.insert(HouseholdDecisionRecord, {
      householdId: household.id,
      outcome: input.outcome,
      decidedOn: on,
      rationale,
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
