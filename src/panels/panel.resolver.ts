import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChildRecord } from '../journey/child.entity';
import { Child } from '../journey/child.types';
import { presentChild } from '../journey/child.view';
import type { RequestContext } from '../access/service-context';
import { DateScalar } from '../graphql/scalars';
import { HouseholdRecord } from '../households/household.entity';
import { Household } from '../households/household.types';
import { presentHousehold } from '../households/household.view';
import { MatchRecord } from '../journey/match.entity';
import { Match } from '../journey/match.types';
import { presentMatch } from '../journey/match.view';
import { AgendaItemRecord } from './agenda-item.entity';
import { InterestDeclarationRecord } from './interest-declaration.entity';
import { presentDeclaration } from './interest-declaration.view';
import { RecordPanelRecommendationInput, RecordReportQualityFeedbackInput, ScheduleAgendaItemInput } from './panel.inputs';
import { AgendaItem, InterestDeclaration, Panel, PanelMeeting, ReportQualityFeedback } from './panel.types';
import { ReportQualityFeedbackRecord } from './report-quality-feedback.entity';
import { PanelService } from './panel.service';

@Resolver(() => Panel)
export class PanelResolver {
  @Query(() => [Panel], { description: 'The panels the caller sits on.' })
  panels(@Ctx() ctx: RequestContext) {
    return ctx.services.get(PanelService).panels();
  }

  @Query(() => PanelMeeting, {
    nullable: true,
    description: 'null with NOT_FOUND at this path when the meeting does not exist or is not of your panel; sibling fields still answer.',
  })
  panelMeeting(@Arg('id', () => ID, { description: 'The meeting’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.services.get(PanelService).meeting(id);
  }

  @Mutation(() => AgendaItem, { description: 'The panel adviser puts a case on a meeting’s agenda.' })
  scheduleAgendaItem(
    @Arg('input', () => ScheduleAgendaItemInput, { description: 'The meeting, and the case it hears.' }) input: ScheduleAgendaItemInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(PanelService).scheduleAgendaItem(input);
  }

  @Mutation(() => AgendaItem, { description: 'The chair or vice chair records the panel’s recommendation, while the papers are open.' })
  recordPanelRecommendation(
    @Arg('input', () => RecordPanelRecommendationInput, { description: 'The agenda item, the recommendation and its reasons.' })
    input: RecordPanelRecommendationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(PanelService).recordRecommendation(input);
  }

  @Mutation(() => ReportQualityFeedback, { description: 'The chair or vice chair records the six-monthly report-quality feedback.' })
  recordReportQualityFeedback(
    @Arg('input', () => RecordReportQualityFeedbackInput, { description: 'The panel, the half-year and the feedback.' })
    input: RecordReportQualityFeedbackInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(PanelService).recordReportQualityFeedback(input);
  }

  @FieldResolver(() => [PanelMeeting], {
    description: 'In date order; by default from four weeks ago to eight weeks ahead; a year (366 days) at most.',
  })
  meetings(
    @Root() panel: Panel,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true, description: 'The first day; by default four weeks ago.' }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'The last day, included; by default eight weeks ahead.' })
    to?: string | null,
  ) {
    return ctx.services.get(PanelService).meetings(panel.id, from ?? null, to ?? null);
  }

  @FieldResolver(() => [ReportQualityFeedback], { description: 'Empty unless you may read the feedback.' })
  reportQualityFeedback(@Root() panel: Panel, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('ReportQualityFeedback', ReportQualityFeedbackRecord, 'panelId').load(panel.id);
  }
}

@Resolver(() => PanelMeeting)
export class PanelMeetingResolver {
  @FieldResolver(() => [AgendaItem], { description: 'The items you may see: while the papers are open, unless you are the adviser.' })
  agendaItems(@Root() meeting: PanelMeeting, @Ctx() ctx: RequestContext) {
    return ctx.loaders.many('AgendaItem', AgendaItemRecord, 'meetingId').load(meeting.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Child, { nullable: true, description: 'The child of a MATCH item; null when out of your reach.' })
  async child(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    const record = item.childId ? await ctx.loaders.one('Child', ChildRecord).load(item.childId) : null;
    return record && presentChild(ctx.ability, ctx.today, record);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'null when out of your reach.' })
  async household(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    const record = await ctx.loaders.one('Household', HouseholdRecord).load(item.householdId);
    return record && presentHousehold(ctx.ability, ctx.today, record);
  }

  @FieldResolver(() => Match, { nullable: true, description: 'The match of a MATCH item; null when out of your reach.' })
  async match(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    const record = item.matchId ? await ctx.loaders.one('Match', MatchRecord).load(item.matchId) : null;
    return record && presentMatch(record);
  }

  @FieldResolver(() => [InterestDeclaration], {
    description: 'Declarations of interest in the item, one per member at most: the chair, vice chair and adviser see them; others, none.',
  })
  async declarations(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    const records = await ctx.loaders.many('InterestDeclaration', InterestDeclarationRecord, 'agendaItemId').load(item.id);
    return records.map(presentDeclaration);
  }
}
