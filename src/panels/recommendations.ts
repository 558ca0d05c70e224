import { In, type EntityManager } from 'typeorm';
import { AgendaItemRecord, type AgendaItemKind, type PanelRecommendation } from './agenda-item.entity';

/**
 * The latest panel recommendation recorded on a match or a household, among agenda items of the
 * given kinds: what an ADM's decision follows. null when the panel has not recommended.
 */
export function latestRecommendation(
  manager: EntityManager,
  about: { matchId: string } | { householdId: string },
  kinds: readonly AgendaItemKind[],
  recommendations: readonly PanelRecommendation[] = ['POSITIVE', 'NEGATIVE'],
): Promise<AgendaItemRecord | null> {
  return manager.findOne(AgendaItemRecord, {
    where: { ...about, kind: In([...kinds]), recommendation: In([...recommendations]) },
    order: { meetingOn: 'DESC' },
  });
}
