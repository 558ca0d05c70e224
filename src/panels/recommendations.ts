import { In, type EntityManager } from 'typeorm';
import { AgendaItemRecord, type AgendaItemKind, type PanelRecommendation } from './agenda-item.entity';

/** The recommendations a decision follows; a deferral only sends the case back to a later agenda. */
const DECISIVE: readonly PanelRecommendation[] = ['POSITIVE', 'NEGATIVE'];

/** The latest panel recommendation recorded on a match: what the ADM's match decision follows. null when none. */
export function latestMatchRecommendation(manager: EntityManager, matchId: string): Promise<AgendaItemRecord | null> {
  return manager.findOne(AgendaItemRecord, {
    where: { matchId, kind: 'MATCH', recommendation: In([...DECISIVE]) },
    order: { meetingOn: 'DESC' },
  });
}

/**
 * The recommendation a decision on a household rests on: the latest on an item of the given kinds heard on or
 * after `since` (the household's current stage began, or its approval), that no earlier decision on the household
 * rested on. A decision follows its recommendation, so one heard on or before a decision's day was that decision's.
 */
export function unusedHouseholdRecommendation(
  manager: EntityManager,
  householdId: string,
  kinds: readonly AgendaItemKind[],
  since: string,
): Promise<AgendaItemRecord | null> {
  return manager
    .createQueryBuilder(AgendaItemRecord, 'item')
    .where('item.householdId = :householdId AND item.kind IN (:...kinds)', { householdId, kinds })
    .andWhere('item.recommendation IN (:...decisive) AND item.meetingOn >= :since', { decisive: DECISIVE, since })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM household_decisions d WHERE d.household_id = item.household_id AND d.decided_on >= item.meeting_on)',
    )
    .orderBy('item.meetingOn', 'DESC')
    .getOne();
}
