import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * family_finder_allocations.child_id had only a partial index (the live allocation): removing a child (only
 * ever the benchmark's own rows) checked the reference by reading every allocation, minutes at 1,000,000
 * children, and a child's past allocations could only be found the same way.
 */
export class AllocationsChildIndex1795400001600 implements MigrationInterface {
  name = 'AllocationsChildIndex1795400001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX family_finder_allocations_child_idx ON family_finder_allocations (child_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX family_finder_allocations_child_idx`);
  }
}
