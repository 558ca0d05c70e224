import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate count moves into the request's own transaction (its first statement), so one counter row per
 * member of staff would make their concurrent requests wait on each other's commit. Each database backend
 * counts in a row of its own; the minute's count is the sum of the rows.
 */
export class RateLimitPerBackend1795400001100 implements MigrationInterface {
  name = 'RateLimitPerBackend1795400001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limit_windows ADD COLUMN backend integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE rate_limit_windows DROP CONSTRAINT rate_limit_windows_pkey`);
    await q.query(`ALTER TABLE rate_limit_windows ADD PRIMARY KEY (staff_id, window_start, backend)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rate_limit_windows`);
    await q.query(`ALTER TABLE rate_limit_windows DROP CONSTRAINT rate_limit_windows_pkey`);
    await q.query(`ALTER TABLE rate_limit_windows DROP COLUMN backend`);
    await q.query(`ALTER TABLE rate_limit_windows ADD PRIMARY KEY (staff_id, window_start)`);
  }
}
