import { assertCan } from '../access/refusals';
import { findForAction, findReadable } from '../access/scoped-reads';
import { changeChild } from './child-change';
import { restingStage, stageAfter } from './child-stage';
import { ChildRecord } from './child.entity';
import type { Child } from './child.types';
import { journeyOf } from './journey-records';
import { RULES } from './legal-order';
import { updateVersioned } from '../db/versioned-update';
import { lockedById } from '../db/locked';
import type { ServiceContext } from '../access/service-context';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, parseId, requireText } from '../graphql/input-rules';
import { moveHousehold, stepActorOf } from '../households/household-moves';
import type { HouseholdStage } from '../households/household-stage';
import { HouseholdRecord } from '../households/household.entity';
import type { Household } from '../households/household.types';
import { presentHousehold } from '../households/household.view';
import { MatchRecord } from './match.entity';
import type { Match } from './match.types';
import { presentMatch } from './match.view';
import { latestMatchRecommendation, unusedHouseholdRecommendation } from '../panels/recommendations';
import { ChildDecisionRecord } from './child-decision.entity';
import type { DecideHouseholdApprovalInput, RecordAdoptionPlanDecisionInput, RecordMatchDecisionInput } from './decision.inputs';
import { HouseholdDecisionRecord } from '../households/household-decision.entity';

const APPROVAL_ITEMS = ['ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL'] as const;
const TERMINATION_ITEMS = ['APPROVAL_REVIEW', 'TERMINATION'] as const;
const APPROVAL_RESTS_ON =
  'the decision rests on a panel recommendation heard since the household came to panel, not used by an earlier decision';
const TERMINATION_RESTS_ON = 'a termination rests on a panel recommendation heard after the approval, not used by an earlier decision';
/** A match is approved with a household still approved; one already matched takes a brother or sister too. */
const MATCHABLE_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['APPROVED', 'MATCHED'];

/** Decisions of the Agency Decision Makers: adoption plans and matches (an authority's ADM), adopters (the partnership's). */
export class DecisionService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The ADM decides that the child should be placed for adoption. */
  recordAdoptionPlanDecision(input: RecordAdoptionPlanDecisionInput): Promise<Child> {
    return changeChild(this.ctx, 'decide', input, async (child, manager) => {
      if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
      const journey = journeyOf(manager, child.id);
      if (await journey.livePlan()) throw conflict('An adoption plan decision is already recorded for this child');
      const on = input.decidedOn;
      assertRecordedDate('decidedOn', on, this.ctx.today, child.enteredCareOn, RULES.planAfterCare);
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
        rationale: requireText('rationale', input.rationale),
        decidedBy: this.ctx.actor.staffId,
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

  /** The child's ADM decides a match, after a positive panel recommendation. */
  recordMatchDecision(input: RecordMatchDecisionInput): Promise<Match> {
    return this.ctx.db.unit(async (manager) => {
      // Locks in the journey's one order — the child, then the match, then the household — so that this
      // step and a PPM lead's on the same child wait for each other instead of deadlocking.
      const matchId = parseId('matchId', input.matchId);
      const readable = await findReadable(manager, this.ctx.ability, 'Match', MatchRecord, matchId);
      const child = await lockedById(manager, ChildRecord, readable.childId);
      const match = await findForAction('decide', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'Match',
        entity: MatchRecord,
        id: matchId,
        version: input.version,
      });
      if (match.status !== 'PROPOSED' && match.status !== 'RECOMMENDED') throw conflict('This match is already decided');
      const panel = await latestMatchRecommendation(manager, match.id);
      const approving = input.outcome === 'APPROVED';
      if (!panel || (approving && panel.recommendation !== 'POSITIVE')) throw badUserInput('outcome', RULES.matchAfterPanel);
      const on = input.decidedOn;
      assertRecordedDate('decidedOn', on, this.ctx.today, panel.meetingOn, RULES.matchDecisionAfterPanel);

      const household = await lockedById(manager, HouseholdRecord, match.householdId);
      if (approving && !MATCHABLE_HOUSEHOLD_STAGES.includes(household.stage)) throw badUserInput('matchId', RULES.matchNeedsApprovedHousehold);
      const journey = journeyOf(manager, child.id);
      await journey.requirePlan('matchId');
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
        rationale: requireText('rationale', input.rationale),
        decidedBy: this.ctx.actor.staffId,
      });
      if (approving) {
        await updateVersioned(manager, ChildRecord, child, { stage: stageAfter(child.stage, 'MATCHED'), matchedOn: on });
        if (household.stage === 'APPROVED') {
          await moveHousehold(manager, household, { to: 'MATCHED', by: 'MATCH_DECISION', on, field: 'matchId' }, stepActorOf(this.ctx));
        }
      } else {
        await updateVersioned(manager, ChildRecord, child, { stage: restingStage(order !== null, placement?.kind === 'EARLY_PERMANENCE') });
      }
      const decided = await updateVersioned(manager, MatchRecord, match, {
        status: approving ? 'APPROVED' : 'DECLINED',
        approvedOn: approving ? on : null,
      });
      assertCan(this.ctx.ability, 'decide', decided);
      return presentMatch(decided);
    });
  }

  /** The partnership ADM approves (or not) an adopter household after panel, or terminates an approval. */
  decideHouseholdApproval(input: DecideHouseholdApprovalInput): Promise<Household> {
    return this.ctx.db.unit(async (manager) => {
      const household = await findForAction('approve', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'Household',
        entity: HouseholdRecord,
        id: parseId('householdId', input.householdId),
        version: input.version,
      });
      const terminating = input.outcome === 'TERMINATED';
      const expectedStage = terminating ? 'APPROVED' : 'PANEL';
      if (household.stage !== expectedStage) {
        throw badUserInput('householdId', terminating ? 'only an approved household without a child matched can have its approval terminated' : 'a household is approved or not after panel');
      }
      const since = terminating ? (household.approvedOn ?? household.stageEnteredOn) : household.stageEnteredOn;
      const panel = await unusedHouseholdRecommendation(manager, household.id, terminating ? TERMINATION_ITEMS : APPROVAL_ITEMS, since);
      if (!panel) throw badUserInput('householdId', terminating ? TERMINATION_RESTS_ON : APPROVAL_RESTS_ON);
      const on = input.decidedOn;
      assertRecordedDate('decidedOn', on, this.ctx.today, panel.meetingOn, 'the ADM decides on or after the panel meeting');
      await manager.insert(HouseholdDecisionRecord, {
        householdId: household.id,
        outcome: input.outcome,
        decidedOn: on,
        rationale: requireText('rationale', input.rationale),
        decidedBy: this.ctx.actor.staffId,
      });
      const move = { to: input.outcome, by: 'APPROVAL_DECISION', on, field: 'householdId' } as const;
      const moved = await moveHousehold(manager, household, move, stepActorOf(this.ctx), {
        approvedOn: input.outcome === 'APPROVED' ? on : household.approvedOn,
      });
      return presentHousehold(this.ctx.ability, this.ctx.today, moved);
    });
  }
}
