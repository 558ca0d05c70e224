import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { RoleAssignmentRecord } from './role-assignment.entity';
import { StaffService } from './staff.service';
import { RoleAssignment, StaffMember, StaffMemberConnection, StaffMembersArgs } from './staff.types';
import { notEndedBy, presentAssignment } from './staff.view';

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => StaffMemberConnection, { description: 'Access administrators: the staff, with the roles they hold today and later.' })
  staffMembers(@Args(() => StaffMembersArgs) args: StaffMembersArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(StaffService).list(args);
  }

  @FieldResolver(() => [RoleAssignment], {
    nullable: true,
    description: 'The roles held today and later, by the day they start; null unless you may read role assignments.',
  })
  async assignments(@Root() staff: StaffMember, @Ctx() ctx: RequestContext): Promise<RoleAssignment[] | null> {
    if (!ctx.ability.can('read', 'RoleAssignment')) return null;
    const rows = await ctx.loaders.many('RoleAssignment', RoleAssignmentRecord, 'staffId').load(staff.id);
    return rows
      .filter(notEndedBy(ctx.today))
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
      .map(presentAssignment);
  }
}
