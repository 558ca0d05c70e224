import type { DbScope } from '../db/db-scope';
import type { Actor } from './actor';
import type { ScopeFacts } from './facts';
import { tenantAuthoritiesOf } from './tenant-scope';

type FactsRow = { allocated: string[]; panel_children: string[]; panel_households: string[]; panel_matches: string[]; proposed: string[] };

/**
 * One statement: sets the tenant dimension of this transaction (`app.authorities`) and loads the
 * facts the policy needs for this actor today (UK date `today`): live allocations, what is on the
 * open agendas of their panels, and the households proposed for their authorities' children.
 */
export async function loadScopeFacts(db: DbScope, actor: Actor, today: string): Promise<ScopeFacts> {
  const isFamilyFinder = actor.assignments.some((a) => a.role === 'FAMILY_FINDER');
  const panelIds = actor.assignments.flatMap((a) => (a.role === 'PANEL_MEMBER' && a.panelId ? [a.panelId] : []));
  const caseworkAuthorities = actor.assignments.flatMap((a) =>
    (a.role === 'ADM' || a.role === 'PPM_LEAD') && a.authority ? [a.authority] : [],
  );
  const [row] = await db.query<FactsRow>(
    `WITH open_items AS (
       SELECT child_id, household_id, match_id FROM agenda_items
        WHERE panel_id = ANY($3::uuid[]) AND papers_released_on <= $4::date AND window_closes_on >= $4::date
     )
     SELECT set_config('app.authorities', $5, true) AS tenant_setting,
            CASE WHEN $2 THEN ARRAY(SELECT child_id::text FROM family_finder_allocations
                                     WHERE family_finder_id = $1 AND ended_on IS NULL)
                 ELSE '{}'::text[] END AS allocated,
            ARRAY(SELECT DISTINCT child_id::text FROM open_items WHERE child_id IS NOT NULL) AS panel_children,
            ARRAY(SELECT DISTINCT household_id::text FROM open_items) AS panel_households,
            ARRAY(SELECT DISTINCT match_id::text FROM open_items WHERE match_id IS NOT NULL) AS panel_matches,
            ARRAY(SELECT DISTINCT household_id::text FROM matches WHERE authority::text = ANY($6::text[])) AS proposed`,
    [actor.staffId, isFamilyFinder, panelIds, today, tenantAuthoritiesOf(actor).join(','), caseworkAuthorities],
  );
  return {
    allocatedChildIds: row!.allocated,
    panelChildIds: row!.panel_children,
    panelHouseholdIds: row!.panel_households,
    panelMatchIds: row!.panel_matches,
    proposedHouseholdIds: row!.proposed,
  };
}
