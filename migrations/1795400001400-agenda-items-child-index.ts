import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * agenda_items.child_id references children with no index of its own: removing a child (only ever the
 * benchmark's own rows) checked the reference by reading every agenda item, and a child's agenda items
 * could only be found the same way.
 */
export class AgendaItemsChildIndex1795400001400 implements MigrationInterface {
  name = 'AgendaItemsChildIndex1795400001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX agenda_items_child_idx ON agenda_items (child_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agenda_items_child_idx`);
  }
}
