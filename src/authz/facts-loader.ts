import type { DbScope } from '../db/db-scope';
import { describeRoles, type Actor } from './actor';
import { scopeFacts, type LiveAllocation, type OpenAgendaItem, type ScopeFacts } from './facts';

type FactsRow = { allocations: LiveAllocation[]; open_items: OpenAgendaItem[] };

/**
 * One statement, under Row-Level Security (the actor's statement set the tenant): sets the roles of this
 * transaction (`app.roles`) and loads the facts the policy needs for this actor today (UK date `today`):
 * live allocations and what is on the open agendas of their panels.
 */
export async function loadScopeFacts(db: DbScope, actor: Actor, today: string): Promise<ScopeFacts> {
  const isFamilyFinder = actor.assignments.some((a) => a.role === 'FAMILY_FINDER');
  const panelIds = actor.assignments.flatMap((a) => (a.role === 'PANEL_MEMBER' && a.panelId ? [a.panelId] : []));
  const [row] = await db.query<FactsRow>(
    `SELECT set_config('app.roles', $5, true) AS roles_setting,
            CASE WHEN $2 THEN (SELECT coalesce(json_agg(json_build_object('id', id, 'childId', child_id)), '[]')
                                 FROM family_finder_allocations WHERE family_finder_id = $1 AND ended_on IS NULL)
                 ELSE '[]' END AS allocations,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'childId', child_id, 'householdId', household_id,
                                                        'matchId', match_id)), '[]')
               FROM agenda_items
              WHERE panel_id = ANY($3::uuid[]) AND papers_released_on <= $4::date AND window_closes_on >= $4::date) AS open_items`,
    [actor.staffId, isFamilyFinder, panelIds, today, describeRoles(actor)],
  );
  return scopeFacts(row!.allocations, row!.open_items);
}
