import { Client } from 'pg';
import { demoStaff } from '../seeds/demo-staff';
import { FACTS_SQL } from '../src/access/facts-loader';
import { TENANT_REACH_PARAM, tenantAuthoritiesSql } from '../src/authz/tenant-scope';
import { REQUEST_ROLE } from '../src/db/request-role';
import type { Queryable } from './operations';

/** What the restrictions' growth adds to the generated data, and removes again after. */
export const RESTRICTED_RECORDS = 1000;
export const PAST_EMERGENCY_GRANTS = 1000;
/** The reason every added row carries, so that exactly those rows are removed. */
const BENCH_REASON = 'Benchmark: restrictions and emergency grants grow';
/** Named on a few restrictions and holder of many past grants: their facts carry what concerns them. */
export const NAMED_STAFF = 'ppm.kent';
const NAMED_ON = 10;
const GRANT_HOLDERS = ['ppm.kent', 'adm.kent', 'finder.1'];
const GRANTS_EACH = 100;
const EMERGENCY_ACCESS_HOURS = 4;

/**
 * Adds 1,000 whole-record restrictions (HIGH_PROFILE, HIGH_RISK, STAFF_CONNECTED in turn, on children spread over
 * every authority and stage, each naming the child's family finder, ten naming NAMED_STAFF) and 1,000 expired
 * emergency grants (a hundred each to GRANT_HOLDERS, the rest spread over the generated family finders; nine in ten
 * reviewed; the grants first, as a child may be restricted after an emergency access to it). Written as the generator
 * writes, with triggers off: the access log is not what is measured.
 */
export async function addRestrictionsAndPastGrants(db: Queryable): Promise<void> {
  const named = demoStaff(NAMED_STAFF).id;
  const holders = GRANT_HOLDERS.map((username) => demoStaff(username).id);
  await inTransactionWithoutTriggers(db, async () => {
    const { rows: finders } = await db.query<{ id: string }>(`SELECT id FROM staff WHERE username LIKE 'finder.b%' ORDER BY username`);
    const holderOf = (grant: number) =>
      grant < holders.length * GRANTS_EACH ? holders[Math.floor(grant / GRANTS_EACH)]! : finders[grant % finders.length]!.id;
    await db.query(
      `WITH grants AS (
         SELECT h.staff_id, h.g, now() - make_interval(hours => 24 + h.g::int * 7) AS granted_at
           FROM unnest($1::uuid[]) WITH ORDINALITY AS h(staff_id, g)),
       children_for AS (
         SELECT c.id, c.authority, row_number() OVER (ORDER BY md5(c.id::text || 'grant')) AS g
           FROM children c WHERE c.restriction_category IS NULL ORDER BY md5(c.id::text || 'grant') LIMIT $2),
       reviewed AS (
         SELECT gr.*, c.id AS child_id, c.authority, gr.g % 10 <> 0 AS done FROM grants gr JOIN children_for c ON c.g = gr.g)
       INSERT INTO emergency_accesses (child_id, authority, staff_id, reason, granted_at, expires_at, outcome, note, reviewed_by, reviewed_at)
       SELECT r.child_id, r.authority, r.staff_id, $3, r.granted_at, r.granted_at + make_interval(hours => $4),
              CASE WHEN r.done THEN 'JUSTIFIED'::emergency_access_outcome END, CASE WHEN r.done THEN $3 END,
              CASE WHEN r.done THEN (SELECT s.id FROM staff s WHERE s.username = 'adm.' || lower(r.authority::text)) END,
              CASE WHEN r.done THEN r.granted_at + interval '2 days' END
         FROM reviewed r`,
      [
        Array.from({ length: PAST_EMERGENCY_GRANTS }, (_, grant) => holderOf(grant)),
        PAST_EMERGENCY_GRANTS,
        BENCH_REASON,
        EMERGENCY_ACCESS_HOURS,
      ],
    );
    await db.query(
      `WITH chosen AS (
         SELECT c.id, c.authority, row_number() OVER (ORDER BY md5(c.id::text)) AS n,
                row_number() OVER (PARTITION BY c.authority ORDER BY md5(c.id::text)) AS n_in_authority
           FROM children c WHERE c.restriction_category IS NULL ORDER BY md5(c.id::text) LIMIT $1),
       restricted AS (
         INSERT INTO child_restrictions (child_id, authority, category, allowed_staff_ids, reason, review_by, restricted_by)
         SELECT ch.id, ch.authority, (ARRAY['HIGH_PROFILE', 'HIGH_RISK', 'STAFF_CONNECTED'])[1 + ch.n % 3]::restriction_category,
                array_remove(ARRAY[(SELECT f.family_finder_id FROM family_finder_allocations f
                                     WHERE f.child_id = ch.id AND f.ended_on IS NULL LIMIT 1),
                                   CASE WHEN ch.authority = 'KENT' AND ch.n_in_authority <= $2 THEN $3::uuid END], NULL),
                $4, current_date + (ch.n % 90)::int,
                (SELECT s.id FROM staff s WHERE s.username = 'adm.' || lower(ch.authority::text))
           FROM chosen ch
         RETURNING child_id, category)
       UPDATE children c SET restriction_category = r.category FROM restricted r WHERE c.id = r.child_id`,
      [RESTRICTED_RECORDS, NAMED_ON, named, BENCH_REASON],
    );
  });
  await db.query(`ANALYZE children, child_restrictions, emergency_accesses`);
}

/** Removes what `addRestrictionsAndPastGrants` added: the generated data is measured as generated. */
export async function removeRestrictionsAndPastGrants(db: Queryable): Promise<void> {
  await inTransactionWithoutTriggers(db, async () => {
    await db.query(`DELETE FROM emergency_accesses WHERE reason = $1`, [BENCH_REASON]);
    await db.query(
      `WITH removed AS (DELETE FROM child_restrictions WHERE reason = $1 RETURNING child_id)
       UPDATE children c SET restriction_category = NULL FROM removed r WHERE c.id = r.child_id`,
      [BENCH_REASON],
    );
  });
  await db.query(`ANALYZE children, child_restrictions, emergency_accesses`);
}

async function inTransactionWithoutTriggers(db: Queryable, work: () => Promise<void>): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query(`SET LOCAL session_replication_role = replica`);
    await work();
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/**
 * The facts statement's median time for `username`, in milliseconds, over `runs` executions in one request scope set
 * as the API sets it (the actor, the day and instant, the tenant dimension, the request role): prepared once, as the
 * API prepares it once per database session.
 */
export async function factsStatementMedian(databaseUrl: string, username: string, runs: number): Promise<number> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'apse-bench-facts' });
  await client.connect();
  try {
    const now = new Date();
    const today = now.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.staff_id', $1, true), set_config('app.today', $2, true), set_config('app.now', $3, true),
              set_config('app.authorities', ${tenantAuthoritiesSql('$1::uuid', '$4', '$2::date')}, true),
              set_config('role', '${REQUEST_ROLE}', true)`,
      [demoStaff(username).id, today, now.toISOString(), TENANT_REACH_PARAM],
    );
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await client.query({ name: 'bench_facts', text: FACTS_SQL });
      times.push(performance.now() - started);
    }
    await client.query('ROLLBACK');
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await client.end();
  }
}

/** The two lists of 50 measured as restrictions grow: the ADM reads every restricted record of Kent, the PPM lead few. */
export const RESTRICTION_READERS = ['adm.kent', NAMED_STAFF];
/** Whose facts statement is timed: named on restrictions and holding past grants, or neither. */
export const FACTS_READERS = [NAMED_STAFF, 'finder.1', 'finder.2'];
