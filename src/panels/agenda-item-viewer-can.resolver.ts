import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { viewerCanOf } from '../access/viewer-can';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import { AgendaItemRecord } from './agenda-item.entity';
import { recommendationDue } from './panel.service';
import { AgendaItem } from './panel.types';
import { interestDeclarationDue } from './steps/declare-interest';

@ObjectType('AgendaItemViewerCan', { description: 'What you may do with this agenda item now: the policy and the panel’s rules together.' })
export class AgendaItemViewerCan {
  @Field({ description: '`recordPanelRecommendation`: the chair or vice chair, from the meeting until the papers close, once.' })
  recommend!: boolean;

  @Field({ description: '`declareInterest`: a member of its panel, while its papers are open, before the recommendation, once.' })
  declareInterest!: boolean;
}

@Resolver(() => AgendaItem)
export class AgendaItemViewerCanResolver {
  @FieldResolver(() => AgendaItemViewerCan, {
    description: 'What you may do with this agenda item now: the policy and the journey’s rules together.',
  })
  async viewerCan(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<AgendaItemViewerCan> {
    const record = await ctx.loaders.one('AgendaItem', AgendaItemRecord).load(item.id);
    if (!record) return { recommend: false, declareInterest: false };
    return viewerCanOf(ctx.ability, record, {
      recommend: { access: MUTATION_ACCESS.recordPanelRecommendation, rule: () => recommendationDue(record) },
      declareInterest: {
        access: MUTATION_ACCESS.declareInterest,
        rule: () => interestDeclarationDue(ctx.loaders.rules, record, ctx.actor.staffId),
      },
    });
  }
}
