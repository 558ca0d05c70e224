import type { AgendaItemKind, AgendaItemRecord } from './agenda-item.entity';
import type { PanelRecommendationView } from './panel.types';

/**
 * What the decision maker reads: the latest recommendation among the items of `kinds` the caller may read of a
 * match or household (the scoped loader brings only those, oldest first). null when the panel has not recommended.
 */
export function latestPanelRecommendation(
  items: readonly AgendaItemRecord[],
  kinds: readonly AgendaItemKind[],
): PanelRecommendationView | null {
  let latest: AgendaItemRecord | null = null;
  for (const item of items) {
    if (item.recommendation && kinds.includes(item.kind) && (!latest || item.meetingOn >= latest.meetingOn)) latest = item;
  }
  if (!latest?.recommendation) return null;
  return { agendaItemId: latest.id, recommendation: latest.recommendation, reasons: latest.reasons, meetingOn: latest.meetingOn };
}
