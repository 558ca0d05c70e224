import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { viewerMay } from '../access/viewer-can';
import { AgendaItemRecord } from './agenda-item.entity';
import { recommendationDue } from './panel.service';
import { AgendaItem } from './panel.types';

@ObjectType('AgendaItemViewerCan', { description: 'What you may do with this agenda item now: the policy and the panel’s rules together.' })
export class AgendaItemViewerCan {
  @Field({ description: '`recordPanelRecommendation`: the chair or vice chair, from the meeting until the papers close, once.' })
  recommend!: boolean;
}

@Resolver(() => AgendaItem)
export class AgendaItemViewerCanResolver {
  @FieldResolver(() => AgendaItemViewerCan, {
    description: 'What you may do with this agenda item now: the policy and the journey’s rules together.',
  })
  async viewerCan(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<AgendaItemViewerCan> {
    const record = await ctx.loaders.one('AgendaItem', AgendaItemRecord).load(item.id);
    return { recommend: record !== null && (await viewerMay(ctx.ability, 'recommend', record, async () => recommendationDue(record))) };
  }
}
