import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, parseId } from '../../graphql/input-rules';
import { householdNamedBy } from '../../households/household-lookup';
import { changeChild } from '../child-change';
import type { ChildDecisionRecord } from '../child-decision.entity';
import type { ChildRecord } from '../child.entity';
import type { MatchRecord } from '../match.entity';
import { stageAfter } from '../child-stage';
import { RecordEarlyPermanencePlacementInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';
import { PlacementRecord } from '../placement.entity';

/**
 * The journey's rule for an early-permanence placement: before authority to place and any current placement; while
 * adoption is being considered, or once it is the plan with the carers linked. Returns the plan and the link, if any.
 * The step runs it, and so does `viewerCan.recordEarlyPermanencePlacement`.
 */
export async function earlyPermanencePlacementDue(
  journey: Journey,
  child: ChildRecord,
): Promise<{ plan: ChildDecisionRecord | null; link: MatchRecord | null }> {
  const plan = await journey.livePlan();
  if (!plan && child.stage !== 'CONSIDERING_ADOPTION') throw badUserInput('placedOn', RULES.earlyPermanenceWhileConsidering);
  if (await journey.authorityToPlace()) throw badUserInput('placedOn', RULES.earlyPermanenceBeforeOrder);
  if (await journey.livePlacement()) throw conflict('ALREADY_IN_PROGRESS', 'The child already has a current placement');
  const link = plan ? await journey.openMatch() : null;
  if (plan && !link) throw badUserInput('householdId', RULES.linkedFirst);
  return { plan, link };
}

/**
 * Fostering for adoption with carers approved as both, before authority to place. While adoption is only
 * being considered (no plan decision yet) the PPM lead names the carers and the day they were temporarily
 * approved as the child's foster carers; once the plan is decided, the carers are the household linked
 * with the child.
 */
export function recordEarlyPermanencePlacement(ctx: ServiceContext, input: RecordEarlyPermanencePlacementInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.recordEarlyPermanencePlacement.action, input, async (child, manager) => {
    const approvedOn = input.temporaryFosterCarerApprovalOn ?? null;
    const [householdId] = checkInput(
      input,
      () => parseId('householdId', input.householdId),
      () => assertNotFuture('placedOn', input.placedOn, ctx.today),
      () => {
        if (!approvedOn) return;
        assertNotFuture('temporaryFosterCarerApprovalOn', approvedOn, ctx.today);
        if (approvedOn > input.placedOn) throw badUserInput('temporaryFosterCarerApprovalOn', RULES.temporaryApprovalBeforePlacement);
      },
    );
    const { plan, link } = await earlyPermanencePlacementDue(journeyOf(manager, child.id), child);
    const household = await householdNamedBy(ctx, manager, householdId);
    if (!household.earlyPermanence || !['APPROVED', 'MATCHED'].includes(household.stage)) {
      throw badUserInput('householdId', RULES.earlyPermanenceCarers);
    }
    let matchId: string | null = null;
    if (plan) {
      if (!link || link.householdId !== household.id) throw badUserInput('householdId', RULES.linkedFirst);
      assertOnOrAfter('placedOn', input.placedOn, plan.decidedOn, RULES.planBeforePlacement);
      assertOnOrAfter('placedOn', input.placedOn, link.proposedOn, 'the placement is on or after the link');
      matchId = link.id;
    } else {
      if (!approvedOn) throw badUserInput('temporaryFosterCarerApprovalOn', RULES.temporaryApprovalNeeded);
      assertOnOrAfter('placedOn', input.placedOn, child.enteredCareOn, RULES.placementAfterCare);
    }
    await manager.insert(PlacementRecord, {
      childId: child.id,
      authority: child.authority,
      householdId: household.id,
      matchId,
      kind: 'EARLY_PERMANENCE',
      placedOn: input.placedOn,
      movedInOn: input.placedOn,
      temporaryFosterCarerApprovalOn: approvedOn,
      recordedBy: ctx.actor.staffId,
    });
    return { earlyPermanencePlacedOn: input.placedOn, stage: stageAfter(child.stage, 'EARLY_PERMANENCE') };
  });
}

@Resolver()
export class RecordEarlyPermanencePlacementStep {
  @Mutation(() => Child, {
    description:
      'A PPM lead records a fostering-for-adoption placement with dually approved carers: named, with their temporary approval as the child’s foster carers, while adoption is being considered; linked with the child once the plan is decided.',
  })
  recordEarlyPermanencePlacement(
    @Arg('input', () => RecordEarlyPermanencePlacementInput, { description: 'The child, the carers and the day of the placement.' })
    input: RecordEarlyPermanencePlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordEarlyPermanencePlacement(ctx, input);
  }
}
