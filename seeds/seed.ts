import type { DataSource, EntityManager } from 'typeorm';
import { ukDate } from '../src/common/clock';
import { PanelRecord } from '../src/panels/panel.entity';
import { RoleAssignmentRecord } from '../src/staff/role-assignment.entity';
import { StaffRecord } from '../src/staff/staff.entity';
import { bulkInsert } from './bulk-insert';
import { generateDemoData } from './demo-data';
import { DEMO_PANEL_IDS, DEMO_STAFF } from './demo-staff';
import { insertPooledBudget } from './pooled-budget';

/** The demo staff hold their roles from the day the partnership began. */
const PARTNERSHIP_LAUNCH = '2020-11-01';

export async function isSeeded(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(StaffRecord).count()) > 0;
}

/** The four panels and the demo staff with their roles (tests build their own records on top of these). */
export async function insertDemoStaff(manager: EntityManager): Promise<void> {
  await manager.insert(
    PanelRecord,
    DEMO_PANEL_IDS.map((id, i) => ({ id, name: `Adoption panel ${i + 1}` })),
  );
  await manager.insert(
    StaffRecord,
    DEMO_STAFF.map(({ id, username, displayName }) => ({ id, username, displayName })),
  );
  await manager.insert(
    RoleAssignmentRecord,
    DEMO_STAFF.flatMap((s) => s.assignments.map((a) => ({ ...a, staffId: s.id, validFrom: PARTNERSHIP_LAUNCH }))),
  );
}

/** The seed's "today" and the rows written, by table. */
export type SeedSummary = { today: string } & Record<string, number | string>;

/**
 * Demo data for an empty database, in one transaction: the staff, the records as of `today` (a UK
 * date) that reproduce the published figures (seeds/published-figures.ts) when counted, and the pooled budget.
 */
export async function seedDemoData(dataSource: DataSource, today: string = ukDate(new Date())): Promise<SeedSummary> {
  const tables = generateDemoData(today);
  const summary: SeedSummary = { today, staff: DEMO_STAFF.length };
  await dataSource.transaction(async (manager) => {
    // As the tables' owner, an import: one access-log event per statement (migration 1795400003900), not one per row.
    await manager.query(`SELECT set_config('app.import', $1, true)`, [`demo data as of ${today}`]);
    await insertDemoStaff(manager);
    for (const { entity, rows } of tables) {
      await bulkInsert(manager, entity, rows);
      summary[manager.getRepository(entity).metadata.tableName] = rows.length;
    }
    await insertPooledBudget(manager);
  });
  return summary;
}
