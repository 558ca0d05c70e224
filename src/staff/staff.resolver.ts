import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { RoleAssignmentRecord } from './role-assignment.entity';
import { StaffService } from './staff.service';
import { RoleAssignment, StaffMember, StaffMemberConnection, StaffMembersArgs } from './staff.types';
import { notEndedBy, presentAssignment } from './staff.view';

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => StaffMemberConnection, {
    description:
      'The staff directory, with the roles held today and later. The access administrator sees every member of staff; ' +
      'everyone sees their own entry, and the entries their work needs on the day: a PPM lead the family finders who are ' +
      'active, an ADM the staff holding a role for their authority (the partnership ADM: a role held for no authority), a ' +
      'panel chair, vice chair or adviser the members of their panel. Filters narrow what you see.',
  })
  staffMembers(@Args(() => StaffMembersArgs) args: StaffMembersArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(StaffService).list(args);
  }

  @FieldResolver(() => [RoleAssignment], {
    description:
      'The roles held today and later that you may read, by the day they start: the access administrator every one; ' +
      'everyone their own; a PPM lead family-finder roles; an ADM the roles held for their authority (the partnership ' +
      'ADM: held for none); a panel chair, vice chair or adviser the seats of their panel.',
  })
  async assignments(@Root() staff: StaffMember, @Ctx() ctx: RequestContext): Promise<RoleAssignment[]> {
    const rows = await ctx.loaders.many('RoleAssignment', RoleAssignmentRecord, 'staffId').load(staff.id);
    return rows
      .filter(notEndedBy(ctx.today))
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
      .map(presentAssignment);
  }
}
