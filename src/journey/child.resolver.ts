import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ChildDecisionRecord } from './child-decision.entity';
import { ChildDecision } from './decision.types';
import type { RequestContext } from '../access/service-context';
import { MatchRecord } from './match.entity';
import { Match } from './match.types';
import { presentMatch } from './match.view';
import { StaffMember } from '../staff/staff.types';
import { AllocationRecord } from './allocation.entity';
import { ChildConnection } from './child-list.types';
import { Child, ChildrenArgs } from './child.types';
import { DisruptionRecord } from './disruption.entity';
import { Disruption, Placement, PlacementOrder } from './journey.types';
import { PlacementOrderRecord } from './placement-order.entity';
import { PlacementRecord } from './placement.entity';
import { StaffDirectory } from '../staff/staff-directory';
import { ChildService } from './child.service';

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => ChildConnection, {
    description: 'The children the caller may see, in the order asked: by default by stage, then the longest in care first.',
  })
  children(@Args() args: ChildrenArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(ChildService).list(args);
  }

  @Query(() => Child, {
    nullable: true,
    description: 'null with NOT_FOUND at this path when the child does not exist or is out of your reach; sibling fields still answer.',
  })
  child(@Arg('id', () => ID, { description: 'The child’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.services.get(ChildService).get(id);
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: 'The family finder allocated now.' })
  async familyFinder(@Root() child: Child, @Ctx() ctx: RequestContext) {
    const allocations = await ctx.loaders.many('Allocation', AllocationRecord, 'childId').load(child.id);
    const live = allocations.find((a) => a.endedOn === null);
    return live ? ctx.services.get(StaffDirectory).load(live.familyFinderId) : null;
  }

  @FieldResolver(() => [ChildDecision], {
    nullable: true,
    description: 'The ADM’s decisions about the child, oldest first: the adoption plan, then matches.',
  })
  decisions(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('ChildDecision', ChildDecisionRecord, 'childId').load(child.id);
  }

  @FieldResolver(() => PlacementOrder, { nullable: true, description: 'Authority to place, once granted.' })
  async placementOrder(@Root() child: Child, @Ctx() ctx: RequestContext) {
    const [order] = await ctx.loaders.many('PlacementOrder', PlacementOrderRecord, 'childId').load(child.id);
    return order ?? null;
  }

  @FieldResolver(() => [Placement], {
    nullable: true,
    description: 'The child’s placements, oldest first; null where the adoptive placement is sealed from you.',
  })
  placements(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('Placement', PlacementRecord, 'childId').load(child.id);
  }

  @FieldResolver(() => [Match], { nullable: true, description: 'The matches proposed for the child that you may read, oldest first.' })
  async matches(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.many('Match', MatchRecord, 'childId').load(child.id)).map(presentMatch);
  }

  @FieldResolver(() => [Disruption], { nullable: true, description: 'The placements that disrupted, with their meetings.' })
  disruptions(@Root() child: Child, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('Disruption', DisruptionRecord, 'childId').load(child.id);
  }
}
