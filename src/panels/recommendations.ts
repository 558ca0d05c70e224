import { In } from 'typeorm';
import { firstBy, groupedBy, type RuleRead, type RuleReader } from '../access/rule-reads';
import { HOUSEHOLD_ITEM_KINDS } from '../authz/facts';
import { AgendaItemRecord, type AgendaItemKind, type PanelRecommendation } from './agenda-item.entity';

/** The recommendations a decision follows; a deferral only sends the case back to a later agenda. */
const DECISIVE: readonly PanelRecommendation[] = ['POSITIVE', 'NEGATIVE'];

/** Per match: the latest decisive recommendation on it. */
const LATEST_MATCH_RECOMMENDATION: RuleRead<AgendaItemRecord> = {
  name: 'panel:latest-match-recommendation',
  read: async (manager, ids) =>
    firstBy(
      await manager.find(AgendaItemRecord, {
        where: { matchId: In([...ids]), kind: 'MATCH', recommendation: In([...DECISIVE]) },
        order: { meetingOn: 'DESC' },
      }),
      (item) => item.matchId!,
    ),
};

/**
 * Per household: the decisive recommendations on it that no decision rested on, latest first. A decision follows
 * its recommendation, so one heard on or before a decision's day was that decision's.
 */
const UNUSED_HOUSEHOLD_RECOMMENDATIONS: RuleRead<AgendaItemRecord[]> = {
  name: 'panel:unused-household-recommendations',
  read: async (manager, ids) =>
    groupedBy(
      await manager
        .createQueryBuilder(AgendaItemRecord, 'item')
        .where('item.householdId IN (:...ids) AND item.kind IN (:...kinds)', { ids, kinds: HOUSEHOLD_ITEM_KINDS })
        .andWhere('item.recommendation IN (:...decisive)', { decisive: DECISIVE })
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM household_decisions d WHERE d.household_id = item.household_id AND d.decided_on >= item.meeting_on)',
        )
        .orderBy('item.meetingOn', 'DESC')
        .getMany(),
      (item) => item.householdId,
    ),
};

/** The latest panel recommendation recorded on a match: what the ADM's match decision follows. null when none. */
export function latestMatchRecommendation(reader: RuleReader, matchId: string): Promise<AgendaItemRecord | null> {
  return reader.get(LATEST_MATCH_RECOMMENDATION, matchId);
}

/**
 * The recommendation a decision on a household rests on: the latest on an item of the given kinds heard on or
 * after `since` (the household's current stage began, or its approval), that no earlier decision rested on.
 */
export async function unusedHouseholdRecommendation(
  reader: RuleReader,
  householdId: string,
  kinds: readonly AgendaItemKind[],
  since: string,
): Promise<AgendaItemRecord | null> {
  const unused = (await reader.get(UNUSED_HOUSEHOLD_RECOMMENDATIONS, householdId)) ?? [];
  return unused.find((item) => kinds.includes(item.kind) && item.meetingOn >= since) ?? null;
}
