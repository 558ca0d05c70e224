import { SessionStatement, type OpeningStatement } from '../db/session-statement';
import { scopeFacts, type EmergencyGrant, type HeardItem, type LiveAllocation, type OpenAgendaItem, type ScopeFacts } from '../authz/facts';

export type FactsRow = {
  allocations: LiveAllocation[];
  open_items: OpenAgendaItem[];
  heard_items: HeardItem[];
  declared_items: OpenAgendaItem[];
  named_children: string[];
  emergency_grants: EmergencyGrant[];
  emergency_barred: boolean;
};

/** An assignment valid on the request's day (`app.today`): the only kind that grants anything. */
export const LIVE_TODAY = (alias: string) =>
  `role_assignment_live(${alias}.valid_from, ${alias}.valid_to, (SELECT current_setting('app.today')::date))`;

/**
 * The actor's roles in one line, as the access log records them: 'ADM:KENT', 'PANEL_MEMBER:CHAIR@<panel>'; a role
 * held as acting cover names whom it is held for: 'ADM:KENT/for:<their staff id>'.
 */
const ROLES_OF_ACTOR = `
  SELECT string_agg(CASE WHEN r.panel_id IS NOT NULL THEN r.role || ':' || r.panel_role || '@' || r.panel_id
                         WHEN r.authority IS NOT NULL THEN r.role || ':' || r.authority
                         ELSE r.role || ':PARTNERSHIP' END
                    || coalesce('/for:' || (SELECT d.staff_id FROM role_assignments d WHERE d.id = r.delegated_from), ''),
                    ',' ORDER BY r.role, r.authority)
    FROM role_assignments r WHERE r.staff_id = (SELECT app_staff_id()) AND ${LIVE_TODAY('r')}`;

/** The actor's emergency accesses live at the request's instant. */
const LIVE_GRANTS = `(SELECT * FROM emergency_accesses WHERE staff_id = (SELECT app_staff_id()) AND expires_at > (SELECT app_now()))`;

/**
 * The statement that loads the facts the policy needs for the actor today (`app.today`, the UK date): their live
 * allocations as family finder, what is on the open agendas of their panels, and, for a decision maker, what a
 * panel they sat on recommended on (separation of duties), the open items they declared an interest in, and the
 * restricted children whose restriction names them, their emergency accesses live at the request's instant
 * (`app.now`) and whether a review has barred them from breaking glass; it also sets the roles of
 * this transaction (`app.roles`), and the children named and granted (`app.named_children`, `app.granted_children`)
 * that Row-Level Security admits the actor to beyond their tenant. It follows the actor's statement in the same round trip, so it knows the
 * actor and the day only from the settings that statement made, and runs under Row-Level Security. With no
 * actor set, the facts are empty. Having no parameters, it is planned once per database session: with the
 * day as a parameter, PostgreSQL planned it again on every request (0.4 ms), judging its generic plan dearer.
 */
export const FACTS_SQL = `SELECT set_config('app.roles', coalesce((${ROLES_OF_ACTOR}), ''), true) AS roles_setting,
          (SELECT coalesce(json_agg(json_build_object('id', f.id, 'childId', f.child_id)), '[]')
             FROM family_finder_allocations f
            WHERE f.family_finder_id = (SELECT app_staff_id()) AND f.ended_on IS NULL
              AND EXISTS (SELECT 1 FROM role_assignments r
                           WHERE r.staff_id = f.family_finder_id AND r.role = 'FAMILY_FINDER' AND ${LIVE_TODAY('r')})) AS allocations,
          (SELECT coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'childId', i.child_id, 'householdId', i.household_id,
                                                      'matchId', i.match_id)), '[]')
             FROM agenda_items i
            WHERE i.panel_id IN (SELECT r.panel_id FROM role_assignments r
                                  WHERE r.staff_id = (SELECT app_staff_id()) AND r.role = 'PANEL_MEMBER' AND ${LIVE_TODAY('r')})
              AND i.papers_released_on <= (SELECT current_setting('app.today')::date)
              AND i.window_closes_on >= (SELECT current_setting('app.today')::date)) AS open_items,
          (SELECT coalesce(json_agg(json_build_object('matchId', i.match_id, 'householdId', i.household_id)), '[]')
             FROM agenda_items i
            WHERE i.recommendation IS NOT NULL
              AND EXISTS (SELECT 1 FROM role_assignments r
                           WHERE r.staff_id = (SELECT app_staff_id()) AND r.role = 'ADM' AND ${LIVE_TODAY('r')})
              AND EXISTS (SELECT 1 FROM role_assignments p
                           WHERE p.staff_id = (SELECT app_staff_id()) AND p.role = 'PANEL_MEMBER' AND p.panel_id = i.panel_id
                             AND role_assignment_live(p.valid_from, p.valid_to, i.meeting_on))) AS heard_items,
          (SELECT coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'childId', i.child_id, 'householdId', i.household_id,
                                                      'matchId', i.match_id)), '[]')
             FROM interest_declarations d JOIN agenda_items i ON i.id = d.agenda_item_id
            WHERE d.staff_id = (SELECT app_staff_id())
              AND i.window_closes_on >= (SELECT current_setting('app.today')::date)) AS declared_items,
          (SELECT coalesce(json_agg(n.child_id), '[]') FROM restricted_children_naming_me() n(child_id)) AS named_children,
          set_config('app.named_children', (SELECT coalesce(string_agg(n.child_id::text, ','), '') FROM restricted_children_naming_me() n(child_id)),
                     true) AS named_setting,
          (SELECT coalesce(json_agg(json_build_object('id', g.id, 'childId', g.child_id)), '[]') FROM ${LIVE_GRANTS} g) AS emergency_grants,
          set_config('app.granted_children', (SELECT coalesce(string_agg(g.child_id::text, ','), '') FROM ${LIVE_GRANTS} g), true)
            AS granted_setting,
          EXISTS (SELECT 1 FROM emergency_access_bars b
                   WHERE b.staff_id = (SELECT app_staff_id()) AND b.lifted_at IS NULL) AS emergency_barred`;

const FACTS_STATEMENT = new SessionStatement('apse_scope_facts_v9', [], FACTS_SQL);

/** The facts statement, to run after the actor's. */
export const FACTS: OpeningStatement = { statement: FACTS_STATEMENT, literals: [] };

export function factsFrom(row: FactsRow): ScopeFacts {
  return scopeFacts(
    row.allocations,
    row.open_items,
    row.heard_items,
    row.declared_items,
    row.named_children,
    row.emergency_grants,
    row.emergency_barred,
  );
}
