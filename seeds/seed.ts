import type { DataSource, EntityManager } from 'typeorm';
import { ChildRecord } from '../src/children/child.entity';
import { PanelRecord } from '../src/panels/panel.entity';
import { RoleAssignmentRecord } from '../src/staff/role-assignment.entity';
import { StaffRecord } from '../src/staff/staff.entity';
import { demoChildren } from './demo-children';
import { DEMO_PANEL_IDS, DEMO_STAFF } from './demo-staff';
import { seededRandom } from './random';

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
    DEMO_STAFF.flatMap((s) => s.assignments.map((a) => ({ ...a, staffId: s.id }))),
  );
}

/** Demo data for an empty database, in one transaction: staff, then the records they work on. */
export async function seedDemoData(dataSource: DataSource): Promise<{ staff: number; children: number }> {
  const children = demoChildren(seededRandom(20201101));
  await dataSource.transaction(async (manager) => {
    await insertDemoStaff(manager);
    await manager.insert(ChildRecord, children);
  });
  return { staff: DEMO_STAFF.length, children: children.length };
}
