import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { viewerMay } from '../access/viewer-can';
import { ChildRecord } from './child.entity';
import { Child } from './child.types';
import { MatchRecord } from './match.entity';
import { Match } from './match.types';
import { adoptionPlanDecisionDue } from './steps/record-adoption-plan-decision';
import { matchDecisionDue } from './steps/record-match-decision';
import { matchProposalDue } from './steps/propose-match';

@ObjectType('ChildViewerCan', { description: 'What you may do with this child now: the policy and the journey’s rules together.' })
export class ChildViewerCan {
  @Field({ description: '`updateChild`' })
  update!: boolean;

  @Field({ description: '`recordAdoptionPlanDecision`' })
  decideAdoptionPlan!: boolean;

  @Field({ description: '`proposeMatch`' })
  proposeMatch!: boolean;
}

@ObjectType('MatchViewerCan', { description: 'What you may do with this match now: the policy and the journey’s rules together.' })
export class MatchViewerCan {
  @Field({ description: '`recordMatchDecision`: after the panel’s recommendation, by the ADM who did not sit on it.' })
  decide!: boolean;
}

/** Each answer runs the step's own rule (exported by the step) on the record as the caller may read it. */
@Resolver(() => Child)
export class ChildViewerCanResolver {
  @FieldResolver(() => ChildViewerCan, { description: 'What you may do with this child now: the policy and the journey’s rules together.' })
  async viewerCan(@Root() child: Child, @Ctx() ctx: RequestContext): Promise<ChildViewerCan> {
    const record = await ctx.loaders.one('Child', ChildRecord).load(child.id);
    if (!record) return { update: false, decideAdoptionPlan: false, proposeMatch: false };
    const { ability, db } = ctx;
    return {
      update: await viewerMay(ability, 'update', record),
      decideAdoptionPlan: await viewerMay(ability, 'decide', record, () => adoptionPlanDecisionDue(db.manager, record)),
      proposeMatch: await viewerMay(ability, 'propose', record, () => matchProposalDue(db.manager, record)),
    };
  }
}

@Resolver(() => Match)
export class MatchViewerCanResolver {
  @FieldResolver(() => MatchViewerCan, { description: 'What you may do with this match now: the policy and the journey’s rules together.' })
  async viewerCan(@Root() match: Match, @Ctx() ctx: RequestContext): Promise<MatchViewerCan> {
    const record = await ctx.loaders.one('Match', MatchRecord).load(match.id);
    return { decide: record !== null && (await viewerMay(ctx.ability, 'decide', record, () => matchDecisionDue(ctx.db.manager, record))) };
  }
}
