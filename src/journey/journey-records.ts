import { EntityManager, In, IsNull } from 'typeorm';
import { firstBy, unitReader, type RuleRead, type RuleReader } from '../access/rule-reads';
import { badUserInput } from '../graphql/errors';
import { ChildDecisionRecord } from './child-decision.entity';
import { MatchRecord, OPEN_MATCH_STATUSES } from './match.entity';
import { AllocationRecord } from './allocation.entity';
import { RULES } from './legal-order';
import { PlacementOrderRecord } from './placement-order.entity';
import { PlacementRecord } from './placement.entity';

const byChild = (row: { childId: string }) => row.childId;

/** The live records of children's journeys, each read for many children at once (one a child: a unique index or the rules hold it). */
export const JOURNEY_READS = {
  livePlan: {
    name: 'journey:live-plan',
    read: async (manager, ids) =>
      firstBy(await manager.findBy(ChildDecisionRecord, { childId: In([...ids]), kind: 'ADOPTION_PLAN', rescindedOn: IsNull() }), byChild),
  } satisfies RuleRead<ChildDecisionRecord>,
  authorityToPlace: {
    name: 'journey:authority-to-place',
    read: async (manager, ids) => firstBy(await manager.findBy(PlacementOrderRecord, { childId: In([...ids]) }), byChild),
  } satisfies RuleRead<PlacementOrderRecord>,
  livePlacement: {
    name: 'journey:live-placement',
    read: async (manager, ids) => firstBy(await manager.findBy(PlacementRecord, { childId: In([...ids]), endedOn: IsNull() }), byChild),
  } satisfies RuleRead<PlacementRecord>,
  openMatch: {
    name: 'journey:open-match',
    read: async (manager, ids) =>
      firstBy(await manager.findBy(MatchRecord, { childId: In([...ids]), status: In([...OPEN_MATCH_STATUSES]) }), byChild),
  } satisfies RuleRead<MatchRecord>,
  liveAllocation: {
    name: 'journey:live-allocation',
    read: async (manager, ids) => firstBy(await manager.findBy(AllocationRecord, { childId: In([...ids]), endedOn: IsNull() }), byChild),
  } satisfies RuleRead<AllocationRecord>,
};

/**
 * The live records of one child's journey: read inside a step (the child row is locked, so they cannot change
 * underneath it), or batched across a page for `viewerCan`. Domain state for the legal-order rules, never returned
 * to a caller.
 */
export function journeyOf(source: EntityManager | RuleReader, childId: string) {
  const reader = source instanceof EntityManager ? unitReader(source) : source;
  return {
    livePlan: () => reader.get(JOURNEY_READS.livePlan, childId),
    authorityToPlace: () => reader.get(JOURNEY_READS.authorityToPlace, childId),
    livePlacement: () => reader.get(JOURNEY_READS.livePlacement, childId),
    openMatch: () => reader.get(JOURNEY_READS.openMatch, childId),
    liveAllocation: () => reader.get(JOURNEY_READS.liveAllocation, childId),
    /** The live adoption plan decision, which most steps need. */
    async requirePlan(field: string, rule: string = RULES.needsPlan): Promise<ChildDecisionRecord> {
      const plan = await this.livePlan();
      if (!plan) throw badUserInput(field, rule);
      return plan;
    },
  };
}

export type Journey = ReturnType<typeof journeyOf>;

/** The reads the steps' rules make of a child's journey, loaded together (`viewerCan` primes them for a page). */
export function primeJourney(reader: RuleReader, childId: string): Promise<unknown> {
  const { livePlan, authorityToPlace, livePlacement, openMatch } = JOURNEY_READS;
  return Promise.all([livePlan, authorityToPlace, livePlacement, openMatch].map((read: RuleRead<unknown>) => reader.get(read, childId)));
}
