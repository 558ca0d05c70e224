import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests per member of staff per minute, kept in the database so that every API instance counts together. */
export class RateLimits1795400000900 implements MigrationInterface {
  name = 'RateLimits1795400000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_windows (
        staff_id uuid NOT NULL,
        window_start timestamptz NOT NULL,
        requests integer NOT NULL,
        PRIMARY KEY (staff_id, window_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_windows`);
  }
}
