import type { DbScope } from '../db/db-scope';
import { describeRoles, type Actor } from './actor';
import { scopeFacts, type LiveAllocation, type OpenAgendaItem, type ScopeFacts } from './facts';

type FactsRow = { allocations: LiveAllocation[]; open_items: OpenAgendaItem[]; proposed: string };

/**
 * One statement, under Row-Level Security (the actor's statement set the tenant): sets the roles of this
 * transaction (`app.roles`) and loads the facts the policy needs for this actor today (UK date `today`):
 * live allocations, what is on the open agendas of their panels, and the households proposed for their
 * authorities' children.
 */
export async function loadScopeFacts(db: DbScope, actor: Actor, today: string): Promise<ScopeFacts> {
  const isFamilyFinder = actor.assignments.some((a) => a.role === 'FAMILY_FINDER');
  const panelIds = actor.assignments.flatMap((a) => (a.role === 'PANEL_MEMBER' && a.panelId ? [a.panelId] : []));
  const caseworkAuthorities = actor.assignments.flatMap((a) =>
    (a.role === 'ADM' || a.role === 'PPM_LEAD') && a.authority ? [a.authority] : [],
  );
  const [row] = await db.query<FactsRow>(
    `SELECT set_config('app.roles', $6, true) AS roles_setting,
            CASE WHEN $2 THEN (SELECT coalesce(json_agg(json_build_object('id', id, 'childId', child_id)), '[]')
                                 FROM family_finder_allocations WHERE family_finder_id = $1 AND ended_on IS NULL)
                 ELSE '[]' END AS allocations,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'childId', child_id, 'householdId', household_id,
                                                        'matchId', match_id)), '[]')
               FROM agenda_items
              WHERE panel_id = ANY($3::uuid[]) AND papers_released_on <= $4::date AND window_closes_on >= $4::date) AS open_items,
            -- one comma-separated text: thousands of ids parse far faster split than as a PostgreSQL array
            (SELECT coalesce(string_agg(DISTINCT household_id::text, ','), '')
               FROM matches WHERE authority::text = ANY($5::text[])) AS proposed`,
    [
      actor.staffId,
      isFamilyFinder,
      panelIds,
      today,
      caseworkAuthorities,
      describeRoles(actor),
    ],
  );
  return scopeFacts(row!.allocations, row!.open_items, row!.proposed ? row!.proposed.split(',') : []);
}
