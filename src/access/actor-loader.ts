import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import { DEFAULT_TIMEOUTS, type RequestTimeouts } from './request-timeouts';
import type { Actor, RoleAssignment } from '../authz/actor';
import type { ScopeFacts } from '../authz/facts';
import { FACTS, FACTS_SQL, factsFrom, LIVE_TODAY, type FactsRow } from './facts-loader';
import { TENANT_REACH_PARAM, tenantAuthoritiesSql } from '../authz/tenant-scope';
import type { DbScope } from '../db/db-scope';
import { REQUEST_ROLE } from '../db/request-role';
import { SessionStatement } from '../db/session-statement';
import { recountSql, requestCountSql } from './rate-limit';

type ActorRow = {
  id: string;
  username: string;
  display_name: string;
  assignments: RoleAssignment[];
  requests_this_minute: number;
  retry_after_seconds: number;
};

const TENANT_AUTHORITIES = tenantAuthoritiesSql('s.id', escapeLiteral(TENANT_REACH_PARAM), '$3::date');

/** A member of staff's role assignments as JSON, from `staff s LEFT JOIN role_assignments a` grouped by s. */
const ASSIGNMENTS_JSON = `COALESCE(json_agg(json_build_object('role', a.role, 'authority', a.authority,
                                              'panelId', a.panel_id, 'panelRole', a.panel_role)
                   ORDER BY a.role, a.authority) FILTER (WHERE a.id IS NOT NULL), '[]')`;
const count = requestCountSql('$1');

/**
 * The actor's statement: $1 the staff id, $2 the request id, $3 the request's day (UK date; only the assignments
 * valid on it count), $4 the client's
 * own request id ('' when none), $5 the version of the policy deciding the request, $6–$8 the request's
 * statement, lock and idle-transaction timeouts, $9 a board director's statement timeout (milliseconds, as
 * text): the board's aggregates read every authority's records, and a board director reads nothing else; $10 the
 * request's instant, against which an emergency access expires. Just-in-time compilation is off but for a board
 * director's aggregates: Row-Level Security's subqueries lift a page's estimated cost over the JIT threshold, and
 * compiling took 60 ms of a 1 ms read.
 */
const ACTOR_STATEMENT = new SessionStatement(
  'apse_open_as_actor_v6',
  ['uuid', 'text', 'date', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz'],
  `WITH ${count.ctes}
   SELECT s.id, s.username, s.display_name,
          set_config('app.staff_id', s.id::text, true) AS staff_setting,
          set_config('app.request_id', $2, true) AS request_setting,
          set_config('app.today', $3::text, true) AS today_setting,
          set_config('app.now', $10::text, true) AS now_setting,
          set_config('app.client_request_id', $4, true) AS client_request_setting,
          set_config('app.policy_version', $5, true) AS policy_setting,
          set_config('statement_timeout', CASE WHEN bool_or(a.role = 'BOARD_DIRECTOR') THEN $9 ELSE $6 END, true) AS statement_timeout_setting,
          set_config('jit', CASE WHEN bool_or(a.role = 'BOARD_DIRECTOR') THEN current_setting('jit') ELSE 'off' END, true) AS jit_setting,
          set_config('lock_timeout', $7, true) AS lock_timeout_setting,
          set_config('idle_in_transaction_session_timeout', $8, true) AS idle_timeout_setting,
          set_config('app.authorities', ${TENANT_AUTHORITIES}, true) AS tenant_setting,
          set_config('role', ${escapeLiteral(REQUEST_ROLE)}, true) AS role_setting,
          ${ASSIGNMENTS_JSON} AS assignments,
          ${count.requestsThisMinute} AS requests_this_minute,
          ${count.retryAfterSeconds} AS retry_after_seconds
     FROM staff s LEFT JOIN role_assignments a ON a.staff_id = s.id AND role_assignment_live(a.valid_from, a.valid_to, $3::date)
    WHERE s.id = $1 AND s.active
    GROUP BY s.id`,
);

export type RequestOpening = { actor: Actor; facts: ScopeFacts; requestsThisMinute: number; retryAfterSeconds: number };

/** What the access log records of the request besides who made it, and how long its statements may take. */
export type RequestRecord = { requestId: string; clientRequestId: string | null; policyVersion: string; timeouts?: RequestTimeouts };

/**
 * Opens the request's database scope in one round trip, with its BEGIN: the actor's statement counts the
 * request against the member of staff's rate limit, loads the active member and their role assignments,
 * and sets, transaction-locally, who is asking (`app.staff_id`), the request (`app.request_id`) and its day
 * (`app.today`) and instant (`app.now`), their tenant dimension (`app.authorities`) and the request role, so that every later statement of the
 * request runs under Row-Level Security; then the facts statement loads what the policy needs for them
 * today (UK date). null (and nothing set) when the staff member is unknown or deactivated.
 * `staffId` is a verified token's UUID and the client's request id a checked header, escaped as literals all the same.
 */
export async function openAsActor(
  db: DbScope,
  staffId: string,
  request: RequestRecord,
  today: string,
  now: Date,
): Promise<RequestOpening | null> {
  const { statementMs, lockMs, idleInTransactionMs, boardStatementMs } = request.timeouts ?? DEFAULT_TIMEOUTS;
  const timeouts = [statementMs, lockMs, idleInTransactionMs, boardStatementMs].map(String);
  const opening = [staffId, request.requestId, today, request.clientRequestId ?? '', request.policyVersion];
  const literals = [...opening, ...timeouts, now.toISOString()].map(escapeLiteral);
  const [actorRows, factsRows] = await db.open({ statement: ACTOR_STATEMENT, literals }, FACTS);
  const row = actorRows![0] as ActorRow | undefined;
  if (!row) return null;
  db.keepOnRollback(recountSql(escapeLiteral(staffId)));
  return {
    actor: { staffId: row.id, username: row.username, displayName: row.display_name, assignments: row.assignments },
    facts: factsFrom(factsRows![0] as FactsRow),
    requestsThisMinute: row.requests_this_minute,
    retryAfterSeconds: row.retry_after_seconds,
  };
}

/**
 * The actor's assignments and facts as they stand now, read inside the request's transaction (its settings
 * name the actor and the day): a write decides on these, after locking its row. A member of staff
 * deactivated meanwhile has no assignments.
 */
export async function reloadAssignmentsAndFacts(manager: EntityManager): Promise<{ assignments: RoleAssignment[]; facts: ScopeFacts }> {
  const [row] = (await manager.query(
    `SELECT (SELECT ${ASSIGNMENTS_JSON} FROM staff s LEFT JOIN role_assignments a ON a.staff_id = s.id AND ${LIVE_TODAY('a')}
              WHERE s.id = (SELECT app_staff_id()) AND s.active GROUP BY s.id) AS assignments,
            facts.allocations, facts.open_items, facts.heard_items, facts.declared_items, facts.named_children,
            facts.emergency_grants, facts.emergency_barred
       FROM (${FACTS_SQL}) facts`,
  )) as [{ assignments: RoleAssignment[] | null } & FactsRow];
  return { assignments: row.assignments ?? [], facts: factsFrom(row) };
}
