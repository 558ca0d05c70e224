import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ChildRecord } from './child.entity';
import { Child } from './child.types';
import { presentChild } from './child.view';
import type { RequestContext } from '../access/service-context';
import { HouseholdRecord } from '../households/household.entity';
import { Household } from '../households/household.types';
import { presentHousehold } from '../households/household.view';
import { AgendaItemRecord } from '../panels/agenda-item.entity';
import { latestPanelRecommendation } from '../panels/panel-recommendation.view';
import { PanelRecommendationView } from '../panels/panel.types';
import { Match, MatchConnection, MatchesArgs } from './match.types';
import { MatchService } from './match.service';

@Resolver(() => Match)
export class MatchResolver {
  @Query(() => MatchConnection, { description: 'The matches the caller may see, in the order asked: by default oldest first.' })
  matches(@Args() args: MatchesArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(MatchService).list(args);
  }

  @Query(() => Match, {
    nullable: true,
    description: 'null with NOT_FOUND at this path when the match does not exist or is out of your reach; sibling fields still answer.',
  })
  match(@Arg('id', () => ID, { description: 'The match’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.services.get(MatchService).get(id);
  }

  @FieldResolver(() => Child, { nullable: true, description: 'null when the child is out of your reach.' })
  async child(@Root() match: Match, @Ctx() ctx: RequestContext) {
    const record = await ctx.loaders.one('Child', ChildRecord).load(match.childId);
    return record && presentChild(ctx.ability, ctx.today, record);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'null when the household is out of your reach.' })
  async household(@Root() match: Match, @Ctx() ctx: RequestContext) {
    const record = await ctx.loaders.one('Household', HouseholdRecord).load(match.householdId);
    return record && presentHousehold(ctx.ability, ctx.today, record);
  }

  @FieldResolver(() => PanelRecommendationView, {
    nullable: true,
    description:
      'The panel’s latest recommendation on this match, for the ADM who decides it; null when there is none or it is out of your reach.',
  })
  async panelRecommendation(@Root() match: Match, @Ctx() ctx: RequestContext) {
    if (!ctx.ability.can('read', 'PanelRecommendationView')) return null;
    const items = await ctx.loaders.many('PanelRecommendationView', AgendaItemRecord, 'matchId').load(match.id);
    return latestPanelRecommendation(items, ['MATCH']);
  }
}
