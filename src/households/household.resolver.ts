import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { HOUSEHOLD_ITEM_KINDS } from '../authz/facts';
import { HouseholdDecision } from '../journey/decision.types';
import { HouseholdDecisionRecord } from './household-decision.entity';
import type { RequestContext } from '../access/service-context';
import { AgendaItemRecord } from '../panels/agenda-item.entity';
import { latestPanelRecommendation } from '../panels/panel-recommendation.view';
import { PanelRecommendationView } from '../panels/panel.types';
import { HouseholdStageEventRecord } from './household-stage-event.entity';
import { Household, HouseholdConnection, HouseholdStageEvent, HouseholdsArgs } from './household.types';
import { HouseholdService } from './household.service';

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => HouseholdConnection, {
    description: 'The adopter households the caller may see, in the order asked: by default oldest record first.',
  })
  households(@Args() args: HouseholdsArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(HouseholdService).list(args);
  }

  @Query(() => Household, {
    nullable: true,
    description: 'null with NOT_FOUND at this path when the household does not exist or is out of your reach; sibling fields still answer.',
  })
  household(@Arg('id', () => ID, { description: 'The household’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.services.get(HouseholdService).get(id);
  }

  @FieldResolver(() => [HouseholdStageEvent], { nullable: true, description: 'Every stage entered, oldest first.' })
  stageHistory(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('HouseholdStageEvent', HouseholdStageEventRecord, 'householdId').load(household.id);
  }

  @FieldResolver(() => [HouseholdDecision], {
    nullable: true,
    description: 'The partnership ADM’s decisions on the household, oldest first.',
  })
  decisions(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('HouseholdDecision', HouseholdDecisionRecord, 'householdId').load(household.id);
  }

  @FieldResolver(() => PanelRecommendationView, {
    nullable: true,
    description:
      'The panel’s latest recommendation on this household’s approval, its review or its termination, for the partnership ADM who decides; null when there is none or it is out of your reach.',
  })
  async panelRecommendation(@Root() household: Household, @Ctx() ctx: RequestContext) {
    if (!ctx.ability.can('read', 'PanelRecommendationView')) return null;
    const items = await ctx.loaders.many('PanelRecommendationView', AgendaItemRecord, 'householdId').load(household.id);
    return latestPanelRecommendation(items, HOUSEHOLD_ITEM_KINDS);
  }
}
