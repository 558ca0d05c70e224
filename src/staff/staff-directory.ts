import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { ServiceContext } from '../access/service-context';
import { StaffRecord } from './staff.entity';
import type { StaffMember } from './staff.types';

/**
 * Colleagues' names on records, batched per request: a name on a record (who allocated, who decided) is a case
 * fact, not a child's or adopter's identity, shown to whoever reads the record. Looking colleagues up is the staff
 * directory (`staffMembers`), which each role reads as far as its work needs.
 */
export class StaffDirectory {
  private readonly names: DataLoader<string, StaffMember | null>;

  constructor(ctx: ServiceContext) {
    this.names = new DataLoader(async (ids) => {
      const rows = await ctx.db.manager.find(StaffRecord, { where: { id: In([...ids]) }, select: { id: true, displayName: true } });
      const byId = new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.displayName }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  load(id: string): Promise<StaffMember | null> {
    return this.names.load(id);
  }
}
