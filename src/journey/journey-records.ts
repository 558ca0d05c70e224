import { In, IsNull, type EntityManager } from 'typeorm';
import { badUserInput } from '../graphql/errors';
import { ChildDecisionRecord } from './child-decision.entity';
import { MatchRecord, OPEN_MATCH_STATUSES } from './match.entity';
import { AllocationRecord } from './allocation.entity';
import { RULES } from './legal-order';
import { PlacementOrderRecord } from './placement-order.entity';
import { PlacementRecord } from './placement.entity';

/**
 * The live records of one child's journey, read inside a step (the child row is locked, so they
 * cannot change underneath it). Domain state for the legal-order rules, never returned to a caller.
 */
export function journeyOf(manager: EntityManager, childId: string) {
  return {
    livePlan: () => manager.findOne(ChildDecisionRecord, { where: { childId, kind: 'ADOPTION_PLAN', rescindedOn: IsNull() } }),
    authorityToPlace: () => manager.findOne(PlacementOrderRecord, { where: { childId } }),
    livePlacement: () => manager.findOne(PlacementRecord, { where: { childId, endedOn: IsNull() } }),
    openMatch: () => manager.findOne(MatchRecord, { where: { childId, status: In([...OPEN_MATCH_STATUSES]) } }),
    liveAllocation: () => manager.findOne(AllocationRecord, { where: { childId, endedOn: IsNull() } }),
    /** The live adoption plan decision, which most steps need. */
    async requirePlan(field: string, rule: string = RULES.needsPlan): Promise<ChildDecisionRecord> {
      const plan = await this.livePlan();
      if (!plan) throw badUserInput(field, rule);
      return plan;
    },
  };
}
