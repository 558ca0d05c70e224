import { readList } from '../access/guarded';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import type { StaffMember, StaffMembersArgs } from './staff.types';
import { STAFF_MEMBER } from './staff.view';

const STAFF = STAFF_MEMBER.alias;

/** Reads of the staff and their access; giving and ending it are steps (steps/). */
export class StaffService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Staff, with filters on the roles they hold today or later. */
  list(args: StaffMembersArgs): Promise<Page<StaffMember>> {
    const filter = args.filter ?? {};
    return readList(this.ctx, STAFF_MEMBER, args, (query) => {
      const holds: string[] = [];
      if (filter.role) holds.push('a.role = :role');
      if (filter.authority) holds.push('a.authority = :authority');
      if (filter.panelId) holds.push('a.panel_id = :panelId');
      if (holds.length > 0) {
        query.andWhere(
          `EXISTS (SELECT 1 FROM role_assignments a WHERE a.staff_id = ${STAFF}.id AND (a.valid_to IS NULL OR a.valid_to >= :today) AND ${holds.join(' AND ')})`,
          { role: filter.role, authority: filter.authority, panelId: filter.panelId, today: this.ctx.today },
        );
      }
      if (filter.active != null) query.andWhere(`${STAFF}.active = :active`, { active: filter.active });
      if (filter.search) {
        const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query.andWhere(`(${STAFF}.displayName ILIKE :pattern OR ${STAFF}.username ILIKE :pattern)`, { pattern });
      }
    });
  }
}
