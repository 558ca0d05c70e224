import type { ServiceContext } from '../access/service-context';
import { RoleAssignmentRecord } from './role-assignment.entity';
import type { RoleAssignment } from './staff.types';
import { notEndedBy, presentAssignment } from './staff.view';

/**
 * The actor's own assignments that have not ended by today (UK date), by the day they start: those that hold today
 * and those still to come. Everyone may read their own.
 */
export async function assignmentsToCome(ctx: ServiceContext): Promise<RoleAssignment[]> {
  const rows = await ctx.db.manager
    .createQueryBuilder(RoleAssignmentRecord, 'a')
    .where('a.staffId = :staffId', { staffId: ctx.actor.staffId })
    .orderBy('a.validFrom')
    .addOrderBy('a.role')
    .getMany();
  return rows.filter(notEndedBy(ctx.today)).map(presentAssignment);
}
