import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { ConnectionArgs } from '../graphql/connection';
import { HouseholdRecord } from '../households/household.entity';
import { Household } from '../households/household.types';
import { presentHousehold } from '../households/household.view';
import { ChildRecord } from '../journey/child.entity';
import { Child } from '../journey/child.types';
import { presentChild } from '../journey/child.view';
import { MatchRecord } from '../journey/match.entity';
import { Match } from '../journey/match.types';
import { presentMatch } from '../journey/match.view';
import { AgendaItemRecord } from '../panels/agenda-item.entity';
import { AgendaItem } from '../panels/panel.types';
import { WorkService, type WorkPage } from './work.service';
import { WorkItem, WorkItemConnection, WorkKindCount } from './work.types';

@Resolver(() => WorkItemConnection)
export class MyWorkResolver {
  @Query(() => WorkItemConnection, {
    description: 'What awaits a step of yours, longest waiting first: only records you may read and take that step on.',
  })
  myWork(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(WorkService).myWork(args);
  }

  @FieldResolver(() => [WorkKindCount], { description: 'How many items of each kind await you (kinds with none left out).' })
  countsByKind(@Root() page: WorkPage) {
    return page.countByKind();
  }
}

/** The record a work item points to, through the same scoped loaders and field guard as any relation. */
@Resolver(() => WorkItem)
export class WorkItemResolver {
  @FieldResolver(() => Child, { nullable: true, description: 'Set when recordType is Child.' })
  async child(@Root() item: WorkItem, @Ctx() ctx: RequestContext) {
    if (item.recordType !== 'Child') return null;
    const record = await ctx.loaders.one('Child', ChildRecord).load(item.recordId);
    return record && presentChild(ctx.ability, ctx.today, record);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'Set when recordType is Household.' })
  async household(@Root() item: WorkItem, @Ctx() ctx: RequestContext) {
    if (item.recordType !== 'Household') return null;
    const record = await ctx.loaders.one('Household', HouseholdRecord).load(item.recordId);
    return record && presentHousehold(ctx.ability, ctx.today, record);
  }

  @FieldResolver(() => Match, { nullable: true, description: 'Set when recordType is Match.' })
  async match(@Root() item: WorkItem, @Ctx() ctx: RequestContext) {
    if (item.recordType !== 'Match') return null;
    const record = await ctx.loaders.one('Match', MatchRecord).load(item.recordId);
    return record && presentMatch(record);
  }

  @FieldResolver(() => AgendaItem, { nullable: true, description: 'Set when recordType is AgendaItem.' })
  agendaItem(@Root() item: WorkItem, @Ctx() ctx: RequestContext) {
    if (item.recordType !== 'AgendaItem') return null;
    return ctx.loaders.one('AgendaItem', AgendaItemRecord).load(item.recordId);
  }
}
