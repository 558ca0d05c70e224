import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access administrator's role, alone: PostgreSQL lets a new enum value be used only once the transaction that
 * added it has committed, so the rules that name it follow in 1795400003100. PostgreSQL cannot drop an enum value:
 * `down` leaves it, unused once 1795400003100 is undone.
 */
export class AccessAdminRole1795400003000 implements MigrationInterface {
  name = 'AccessAdminRole1795400003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE staff_role ADD VALUE IF NOT EXISTS 'ACCESS_ADMIN'`);
  }

  async down(): Promise<void> {}
}
