import { mayFilterOn } from '../access/field-guard';
import { readList } from '../access/guarded';
import { containing } from '../access/list-search';
import { accessibleQuery } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import { RoleAssignmentRecord } from './role-assignment.entity';
import { STAFF_MEMBER_ORDER_FIELDS, type StaffMember, type StaffMembersArgs, type StaffMemberFilter } from './staff.types';
import { STAFF_MEMBER } from './staff.view';

const ENTRY = STAFF_MEMBER.alias;

/** Reads of the staff and their access; giving and ending it are steps (steps/). */
export class StaffService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The directory entries the actor may read, with filters on the roles they hold today or later. */
  list(args: StaffMembersArgs): Promise<Page<StaffMember>> {
    const filter = args.filter ?? {};
    return readList(
      this.ctx,
      STAFF_MEMBER,
      args,
      (query) => {
        const holding = this.holding(filter);
        if (holding) query.andWhere(`EXISTS (${holding.getQuery()})`, holding.getParameters());
        if (filter.active != null) query.andWhere(`${ENTRY}.active = :active`, { active: filter.active });
        if (filter.search) {
          const pattern = containing(filter.search);
          // A username is searched only by those who may read every username they could find by it.
          const username = mayFilterOn(this.ctx.ability, 'StaffMember', 'username') ? ` OR ${ENTRY}.username ILIKE :pattern` : '';
          query.andWhere(`(${ENTRY}.displayName ILIKE :pattern${username})`, { pattern });
        }
      },
      { fields: STAFF_MEMBER_ORDER_FIELDS, keys: args.orderBy },
    );
  }

  /**
   * The member's assignments that have not ended and match the filter, among those the actor may read: a filter
   * on roles finds no more than the entries' `assignments` show.
   */
  private holding(filter: StaffMemberFilter) {
    const holds: string[] = [];
    if (filter.role) holds.push('held.role = :role');
    if (filter.authority) holds.push('held.authority = :authority');
    if (filter.panelId) holds.push('held.panelId = :panelId');
    if (holds.length === 0) return null;
    const { ability, db, today } = this.ctx;
    return accessibleQuery(db.manager, ability, 'read', 'RoleAssignment', RoleAssignmentRecord, 'held')
      .select('1')
      .andWhere(`held.staffId = ${ENTRY}.id`)
      .andWhere('(held.validTo IS NULL OR held.validTo >= :today)', { today })
      .andWhere(holds.join(' AND '), {
        role: filter.role,
        authority: filter.authority,
        panelId: filter.panelId && parseId('panelId', filter.panelId),
      });
  }
}
