import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { HouseholdRecord } from '../households/household.entity';
import { Household } from '../households/household.types';
import { presentHousehold } from '../households/household.view';
import { ChildDecision } from './decision.types';
import { Placement } from './journey.types';
import { MatchRecord } from './match.entity';
import { Match } from './match.types';
import { presentMatch } from './match.view';

/** The records a screen follows from a step of the child's journey, each read under the caller's own policy. */
@Resolver(() => Placement)
export class PlacementLinksResolver {
  @FieldResolver(() => Household, {
    nullable: true,
    description: 'The family the child is placed with; null when the household is out of your reach (its fields as you may read them).',
  })
  async household(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    const record = await ctx.loaders.one('Household', HouseholdRecord).load(placement.householdId);
    return record && presentHousehold(ctx.ability, ctx.today, record);
  }
}

@Resolver(() => ChildDecision)
export class ChildDecisionLinksResolver {
  @FieldResolver(() => Match, {
    nullable: true,
    description: 'The match a MATCH decision decided; null for the adoption-plan decision, or when the match is out of your reach.',
  })
  async match(@Root() decision: ChildDecision, @Ctx() ctx: RequestContext) {
    if (!decision.matchId) return null;
    const record = await ctx.loaders.one('Match', MatchRecord).load(decision.matchId);
    return record && presentMatch(record);
  }
}
