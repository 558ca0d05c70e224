import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertCan } from '../../access/refusals';
import { findForAction, findReadable } from '../../access/scoped-reads';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { unitReader, type RuleReader } from '../../access/rule-reads';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { lockedById } from '../../db/locked';
import { updateVersioned } from '../../db/versioned-update';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, parseId, requireText } from '../../graphql/input-rules';
import { moveHousehold, stepActorOf } from '../../households/household-moves';
import type { HouseholdStage } from '../../households/household-stage';
import { HouseholdRecord } from '../../households/household.entity';
import type { AgendaItemRecord } from '../../panels/agenda-item.entity';
import { latestMatchRecommendation } from '../../panels/recommendations';
import { ChildDecisionRecord } from '../child-decision.entity';
import { restingStage, stageAfter } from '../child-stage';
import { ChildRecord } from '../child.entity';
import { RecordMatchDecisionInput } from '../decision.inputs';
import { journeyOf } from '../journey-records';
import { RULES } from '../legal-order';
import { MatchRecord } from '../match.entity';
import { Match } from '../match.types';
import { presentMatch } from '../match.view';

/** A match is approved with a household still approved; one already matched takes a brother or sister too. */
const MATCHABLE_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['APPROVED', 'MATCHED'];

/**
 * The journey's rule for deciding a match, whatever the outcome: not yet decided, the panel has recommended on it
 * (positively or not), and adoption is the child's plan. Returns the recommendation the decision follows. The step
 * runs it, and so does `viewerCan.decide`.
 */
export async function matchDecisionDue(reader: RuleReader, match: MatchRecord): Promise<AgendaItemRecord> {
  if (match.status !== 'PROPOSED' && match.status !== 'RECOMMENDED') throw conflict('ALREADY_RECORDED', 'This match is already decided');
  const panel = await latestMatchRecommendation(reader, match.id);
  if (!panel) throw badUserInput('outcome', RULES.matchAfterPanel);
  await journeyOf(reader, match.childId).requirePlan('matchId');
  return panel;
}

/** The child's ADM decides a match, after a positive panel recommendation. */
export function recordMatchDecision(ctx: ServiceContext, input: RecordMatchDecisionInput): Promise<Match> {
  return ctx.db.unit(async (manager) => {
    // Locks in the journey's one order — the child, then the match, then the household — so that this
    // step and a PPM lead's on the same child wait for each other instead of deadlocking.
    const matchId = parseId('matchId', input.matchId);
    const readable = await findReadable(manager, ctx.ability, 'Match', MatchRecord, matchId);
    const child = await lockedById(manager, ChildRecord, readable.childId);
    const match = await findForAction(MUTATION_ACCESS.recordMatchDecision.action, {
      manager,
      ability: ctx.ability,
      subjectType: 'Match',
      entity: MatchRecord,
      id: matchId,
      version: input.version,
    });
    const on = input.decidedOn;
    const [rationale] = checkInput(
      input,
      () => requireText('rationale', input.rationale),
      () => assertNotFuture('decidedOn', on, ctx.today),
    );
    const panel = await matchDecisionDue(unitReader(manager), match);
    const approving = input.outcome === 'APPROVED';
    if (approving && panel.recommendation !== 'POSITIVE') throw badUserInput('outcome', RULES.matchAfterPanel);
    assertOnOrAfter('decidedOn', on, panel.meetingOn, RULES.matchDecisionAfterPanel);

    const household = await lockedById(manager, HouseholdRecord, match.householdId);
    if (approving && !MATCHABLE_HOUSEHOLD_STAGES.includes(household.stage))
      throw badUserInput('matchId', RULES.matchNeedsApprovedHousehold);
    const journey = journeyOf(manager, child.id);
    const order = await journey.authorityToPlace();
    const placement = await journey.livePlacement();
    const earlyPermanenceWithThisFamily = placement?.kind === 'EARLY_PERMANENCE' && placement.householdId === match.householdId;
    if (approving && (!order || order.grantedOn > on) && !earlyPermanenceWithThisFamily) {
      throw badUserInput('decidedOn', RULES.matchBeforeOrder);
    }
    await manager.insert(ChildDecisionRecord, {
      childId: child.id,
      authority: child.authority,
      kind: 'MATCH',
      outcome: input.outcome,
      matchId: match.id,
      decidedOn: on,
      rationale,
      decidedBy: ctx.actor.staffId,
    });
    if (approving) {
      await updateVersioned(manager, ChildRecord, child, { stage: stageAfter(child.stage, 'MATCHED'), matchedOn: on });
      if (household.stage === 'APPROVED') {
        await moveHousehold(manager, household, { to: 'MATCHED', by: 'MATCH_DECISION', on, field: 'matchId' }, stepActorOf(ctx));
      }
    } else {
      await updateVersioned(manager, ChildRecord, child, { stage: restingStage(order !== null, placement?.kind === 'EARLY_PERMANENCE') });
    }
    const decided = await updateVersioned(manager, MatchRecord, match, {
      status: approving ? 'APPROVED' : 'DECLINED',
      approvedOn: approving ? on : null,
    });
    assertCan(ctx.ability, MUTATION_ACCESS.recordMatchDecision.action, decided);
    return presentMatch(decided);
  });
}

@Resolver()
export class RecordMatchDecisionStep {
  @Mutation(() => Match, { description: "The child's ADM decides the match, after a positive panel recommendation." })
  recordMatchDecision(
    @Arg('input', () => RecordMatchDecisionInput, { description: 'The match, the decision and its rationale.' })
    input: RecordMatchDecisionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordMatchDecision(ctx, input);
  }
}
