/**
 * Requests of a member of staff in the current clock minute, counted in the database so that several API
 * instances share one count. It is part of the request's first statement (`loadActor`): the request's own
 * backend adds one to its row for the minute (its own row: concurrent requests of one member never wait
 * on each other), and the count is the sum over every backend's row. Windows older than five minutes are
 * cleared as it goes, skipping any row another request holds. A request that rolls back (refused, failed,
 * or left by its client) is counted again after its ROLLBACK (`recountSql`): every request counts.
 */
const countOne = (staffIdLiteral: string) => `
        INSERT INTO rate_limit_windows AS w (staff_id, window_start, backend, requests)
        VALUES (${staffIdLiteral}, date_trunc('minute', now()), pg_backend_pid(), 1)
        ON CONFLICT (staff_id, window_start, backend) DO UPDATE SET requests = w.requests + 1`;

/** The request counted once more, outside its transaction, after that rolled back. */
export function recountSql(staffIdLiteral: string): string {
  return countOne(staffIdLiteral);
}

export function requestCountSql(staffIdLiteral: string): { ctes: string; requestsThisMinute: string; retryAfterSeconds: string } {
  const minute = `date_trunc('minute', now())`;
  return {
    ctes: `
      cleared AS (
        DELETE FROM rate_limit_windows WHERE ctid = ANY (ARRAY(
          SELECT ctid FROM rate_limit_windows
           WHERE staff_id = ${staffIdLiteral} AND window_start < ${minute} - interval '5 minutes' FOR UPDATE SKIP LOCKED))
      ),
      counted AS (${countOne(staffIdLiteral)}
        RETURNING requests
      )`,
    requestsThisMinute: `((SELECT requests FROM counted) + (SELECT coalesce(sum(requests), 0) FROM rate_limit_windows
                           WHERE staff_id = ${staffIdLiteral} AND window_start = ${minute} AND backend <> pg_backend_pid()))::int`,
    retryAfterSeconds: `greatest(1, ceil(extract(epoch FROM ${minute} + interval '1 minute' - now())))::int`,
  };
}

/**
 * Counts a request that brought no valid token against its client address's minute (clearing that address's
 * older minutes), outside any request transaction; returns the count so far and the seconds left.
 */
export const ADDRESS_COUNT_SQL = `
  WITH cleared AS (
    DELETE FROM rate_limit_addresses WHERE address = $1 AND window_start < date_trunc('minute', now()) - interval '5 minutes'
  )
  INSERT INTO rate_limit_addresses AS w (address, window_start, requests) VALUES ($1, date_trunc('minute', now()), 1)
  ON CONFLICT (address, window_start) DO UPDATE SET requests = w.requests + 1
  RETURNING requests, greatest(1, ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now())))::int AS retry_after_seconds`;
