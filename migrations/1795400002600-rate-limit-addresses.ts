import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests without a valid token are counted per client address and minute, so that a stranger cannot send
 * the API unlimited requests for it to refuse; kept, like the staff counts, where every instance shares them.
 */
export class RateLimitAddresses1795400002600 implements MigrationInterface {
  name = 'RateLimitAddresses1795400002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_addresses (
        address text NOT NULL,
        window_start timestamptz NOT NULL,
        requests integer NOT NULL,
        PRIMARY KEY (address, window_start)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_addresses TO apse_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_addresses`);
  }
}
