import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate counts kept out of the write-ahead log. Every request counts itself, and a count written to the log made
 * every request's transaction wait, at its COMMIT, for the log to reach the disk — a read that wrote nothing else
 * included. A count lives for a clock minute: lost in a crash (PostgreSQL empties an unlogged table when it recovers),
 * the members of staff start that minute again from nought, which is all it costs. The access log stays logged and
 * durable before a response leaves.
 */
export class UnloggedRateCounts1795400004500 implements MigrationInterface {
  name = 'UnloggedRateCounts1795400004500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limit_windows SET UNLOGGED`);
    await q.query(`ALTER TABLE rate_limit_addresses SET UNLOGGED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limit_windows SET LOGGED`);
    await q.query(`ALTER TABLE rate_limit_addresses SET LOGGED`);
  }
}
