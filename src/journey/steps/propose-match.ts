import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, parseId } from '../../graphql/input-rules';
import { householdNamedBy } from '../../households/household-lookup';
import { changeChild } from '../child-change';
import type { ChildDecisionRecord } from '../child-decision.entity';
import type { ChildRecord } from '../child.entity';
import { stageAfter } from '../child-stage';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';
import { MatchRecord } from '../match.entity';
import { Match, ProposeMatchInput } from '../match.types';
import { presentMatch } from '../match.view';

/**
 * The journey's rule for proposing a match: the child is not adopted, adoption is its plan, it has no open match
 * and is not placed for adoption. Returns the plan. The step runs it, and so does `viewerCan.proposeMatch`.
 */
export async function matchProposalDue(journey: Journey, child: ChildRecord): Promise<ChildDecisionRecord> {
  if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
  const plan = await journey.requirePlan('childId');
  if (await journey.openMatch()) throw conflict('ALREADY_IN_PROGRESS', 'The child already has an open match');
  const placement = await journey.livePlacement();
  if (placement?.kind === 'ADOPTIVE') throw badUserInput('childId', RULES.alreadyPlaced);
  return plan;
}

/** A family finder links a child allocated to them with an approved household. */
export async function proposeMatch(ctx: ServiceContext, input: ProposeMatchInput): Promise<Match> {
  let proposed: MatchRecord | undefined;
  await changeChild(ctx, MUTATION_ACCESS.proposeMatch.action, input, async (child, manager) => {
    const [householdId] = checkInput(
      input,
      () => parseId('householdId', input.householdId),
      () => assertNotFuture('proposedOn', input.proposedOn, ctx.today),
    );
    const plan = await matchProposalDue(journeyOf(manager, child.id), child);
    const household = await householdNamedBy(ctx, manager, householdId);
    if (household.stage !== 'APPROVED') throw badUserInput('householdId', RULES.approvedAdopters);
    assertOnOrAfter('proposedOn', input.proposedOn, plan.decidedOn, RULES.proposalAfterPlan);
    proposed = manager.create(MatchRecord, {
      childId: child.id,
      authority: child.authority,
      householdId: household.id,
      status: 'PROPOSED',
      proposedOn: input.proposedOn,
      proposedBy: ctx.actor.staffId,
    });
    await manager.save(proposed);
    return { stage: stageAfter(child.stage, 'LINKED') };
  });
  return presentMatch(proposed!);
}

@Resolver()
export class ProposeMatchStep {
  @Mutation(() => Match, { description: 'A family finder links a child allocated to them with an approved household.' })
  proposeMatch(
    @Arg('input', () => ProposeMatchInput, { description: 'The child, the approved household and the day of the link.' })
    input: ProposeMatchInput,
    @Ctx() ctx: RequestContext,
  ) {
    return proposeMatch(ctx, input);
  }
}
