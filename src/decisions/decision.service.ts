import { assertCan } from '../authz/refusals';
import { findForAction } from '../authz/scoped-reads';
import { changeChild } from '../children/child-change';
import { restingStage, stageAfter } from '../children/child-stage';
import { ChildRecord } from '../children/child.entity';
import type { Child } from '../children/child.types';
import { journeyOf } from '../children/journey-records';
import { RULES } from '../children/legal-order';
import { updateVersioned } from '../db/versioned-update';
import { lockedById } from '../db/locked';
import type { ServiceContext } from '../graphql/context';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, parseId, requireText } from '../graphql/input-rules';
import { moveHousehold } from '../households/household-moves';
import { HouseholdRecord } from '../households/household.entity';
import type { Household } from '../households/household.types';
import { presentHousehold } from '../households/household.view';
import { MatchRecord } from '../matching/match.entity';
import type { Match } from '../matching/match.types';
import { presentMatch } from '../matching/match.view';
import { latestRecommendation } from '../panels/recommendations';
import { ChildDecisionRecord } from './child-decision.entity';
import type { DecideHouseholdApprovalInput, RecordAdoptionPlanDecisionInput, RecordMatchDecisionInput } from './decision.inputs';
import { HouseholdDecisionRecord } from './household-decision.entity';

const APPROVAL_ITEMS = ['ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL'] as const;
const TERMINATION_ITEMS = ['APPROVAL_REVIEW', 'TERMINATION'] as const;

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
      const match = await findForAction('decide', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'Match',
        entity: MatchRecord,
        id: parseId('matchId', input.matchId),
        version: input.version,
      });
      if (match.status !== 'PROPOSED' && match.status !== 'RECOMMENDED') throw conflict('This match is already decided');
      const panel = await latestRecommendation(manager, { matchId: match.id }, ['MATCH']);
      const approving = input.outcome === 'APPROVED';
      if (!panel || (approving && panel.recommendation !== 'POSITIVE')) throw badUserInput('outcome', RULES.matchAfterPanel);
      const on = input.decidedOn;
      assertRecordedDate('decidedOn', on, this.ctx.today, panel.meetingOn, RULES.matchDecisionAfterPanel);

      const child = await lockedById(manager, ChildRecord, match.childId);
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
        const household = await lockedById(manager, HouseholdRecord, match.householdId);
        if (household.stage === 'APPROVED') await moveHousehold(manager, household, 'MATCHED', on, this.ctx.actor.staffId);
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
      const panel = await latestRecommendation(manager, { householdId: household.id }, terminating ? TERMINATION_ITEMS : APPROVAL_ITEMS);
      if (!panel) throw badUserInput('householdId', 'the decision follows a panel recommendation');
      const on = input.decidedOn;
      assertRecordedDate('decidedOn', on, this.ctx.today, panel.meetingOn, 'the ADM decides on or after the panel meeting');
      await manager.insert(HouseholdDecisionRecord, {
        householdId: household.id,
        outcome: input.outcome,
        decidedOn: on,
        rationale: requireText('rationale', input.rationale),
        decidedBy: this.ctx.actor.staffId,
      });
      const moved = await moveHousehold(manager, household, input.outcome, on, this.ctx.actor.staffId, {
        approvedOn: input.outcome === 'APPROVED' ? on : household.approvedOn,
      });
      return presentHousehold(this.ctx.ability, this.ctx.today, moved);
    });
  }
}
