import type { DataSource } from 'typeorm';

export type RateLimiter = (staffId: string) => Promise<{ allowed: boolean; retryAfterSeconds: number }>;

/**
 * Counts a request of a member of staff in the current minute, in the database, so that several API
 * instances share one count. Its own short statement outside the request's transaction: the counter row
 * is locked only while it is incremented. Windows older than five minutes are cleared as it goes.
 */
export function createRateLimiter(dataSource: DataSource, perMinute: number): RateLimiter {
  return async (staffId) => {
    const [row] = await dataSource.query<{ requests: number; retry_after: number }[]>(
      `WITH cleared AS (
         DELETE FROM rate_limit_windows WHERE staff_id = $1 AND window_start < date_trunc('minute', now()) - interval '5 minutes'
       )
       INSERT INTO rate_limit_windows AS w (staff_id, window_start, requests)
       VALUES ($1, date_trunc('minute', now()), 1)
       ON CONFLICT (staff_id, window_start) DO UPDATE SET requests = w.requests + 1
       RETURNING requests, ceil(extract(epoch FROM w.window_start + interval '1 minute' - now()))::int AS retry_after`,
      [staffId],
    );
    return { allowed: row!.requests <= perMinute, retryAfterSeconds: Math.max(1, row!.retry_after) };
  };
}
