import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { StaffRecord } from './staff.entity';
import type { StaffMember } from './staff.types';

export type StaffDirectory = DataLoader<string, StaffMember | null>;

/**
 * Colleagues' names, batched per request. The staff directory is open to every member of staff:
 * a name on a record (who allocated, who decided) is a case fact, not a child's or adopter's identity.
 */
export function createStaffDirectory(manager: () => EntityManager): StaffDirectory {
  return new DataLoader(async (ids) => {
    const rows = await manager().find(StaffRecord, { where: { id: In([...ids]) }, select: { id: true, displayName: true } });
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.displayName }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
