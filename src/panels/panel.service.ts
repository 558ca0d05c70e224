import { IsNull, type EntityManager } from 'typeorm';
import { readableQuery, readOne, type GuardedSubject } from '../access/guarded';
import { assertCan } from '../access/refusals';
import { findForAction } from '../access/scoped-reads';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import type { SubjectType } from '../authz/vocabulary';
import { stageAfter } from '../journey/child-stage';
import { ChildRecord } from '../journey/child.entity';
import { addDays } from '../common/clock';
import { updateVersioned } from '../db/versioned-update';
import { lockedById } from '../db/locked';
import type { ServiceContext } from '../access/service-context';
import { badUserInput, conflict } from '../graphql/errors';
import { assertNotFuture, checkInput, parseId, requireText } from '../graphql/input-rules';
import { householdNamedBy } from '../households/household-lookup';
import type { HouseholdStage } from '../households/household-stage';
import { MatchRecord } from '../journey/match.entity';
import { AgendaItemRecord, type AgendaItemKind } from './agenda-item.entity';
import type { RecordPanelRecommendationInput, RecordReportQualityFeedbackInput, ScheduleAgendaItemInput } from './panel.inputs';
import { PanelMeetingRecord } from './panel-meeting.entity';
import { PanelRecord } from './panel.entity';
import { ReportQualityFeedbackRecord } from './report-quality-feedback.entity';

/** The longest span of a panel's meetings one request lists. */
export const MEETINGS_SPAN_DAYS = 366;

/** The papers stay open to the panel for 7 days after the meeting (the database computes the same). */
const PAPERS_OPEN_AFTER_MEETING_DAYS = 7;

/** The stage a household must be at to go to panel for each kind of item (MATCH items name a match instead). */
const HOUSEHOLD_STAGE_FOR: Record<Exclude<AgendaItemKind, 'MATCH'>, HouseholdStage> = {
  ADOPTER_APPROVAL: 'PANEL',
  EARLY_PERMANENCE_DUAL_APPROVAL: 'PANEL',
  APPROVAL_REVIEW: 'APPROVED',
  TERMINATION: 'APPROVED',
};

/** The id of the case an item names, a rule of the input alone: the match for a MATCH item, else the household. */
function caseNamedBy(input: ScheduleAgendaItemInput): string {
  const field = input.kind === 'MATCH' ? 'matchId' : 'householdId';
  const id = input[field];
  if (!id) throw badUserInput(field, input.kind === 'MATCH' ? 'a MATCH item names the match' : `a ${input.kind} item names the household`);
  return parseId(field, id);
}

/** Panels and their meetings leave as they are: they hold no classified field. */
const PANEL: GuardedSubject<PanelRecord, PanelRecord> = {
  subjectType: 'Panel',
  entity: PanelRecord,
  alias: 'panel',
  present: (_ctx, r) => r,
};
export const MEETING: GuardedSubject<PanelMeetingRecord, PanelMeetingRecord> = {
  subjectType: 'PanelMeeting',
  entity: PanelMeetingRecord,
  alias: 'meeting',
  present: (_ctx, r) => r,
};

/**
 * The rule for recording a panel's recommendation, besides the policy's window: it is not recorded yet. The step
 * runs it, and so does `viewerCan.recommend`.
 */
export function recommendationDue(item: AgendaItemRecord): void {
  if (item.recommendation) throw conflict('ALREADY_RECORDED', 'The panel’s recommendation on this item is already recorded');
}

/** Adoption panels: meetings, agendas, recommendations and report-quality feedback. Panels recommend; ADMs decide. */
export class PanelService {
  constructor(private readonly ctx: ServiceContext) {}

  panels(): Promise<PanelRecord[]> {
    return readableQuery(this.ctx, PANEL).orderBy('panel.name').getMany();
  }

  /**
   * A panel's meetings between two days (default: four weeks back to eight ahead), in date order: a year at
   * most, since the list grows with every week a panel sits (about 52 meetings a year).
   */
  meetings(panelId: string, from: string | null, to: string | null): Promise<PanelMeetingRecord[]> {
    const first = from ?? addDays(to ?? this.ctx.today, to ? -MEETINGS_SPAN_DAYS : -28);
    const last = to ?? addDays(from ?? this.ctx.today, from ? MEETINGS_SPAN_DAYS : 56);
    if (last < first) throw badUserInput('to', 'must not be before from');
    if (last > addDays(first, MEETINGS_SPAN_DAYS))
      throw badUserInput('to', `a panel's meetings are listed a year at a time (${MEETINGS_SPAN_DAYS} days at most)`);
    return readableQuery(this.ctx, MEETING)
      .andWhere('meeting.panelId = :panelId AND meeting.meetingOn BETWEEN :from AND :to', { panelId, from: first, to: last })
      .orderBy('meeting.meetingOn')
      .getMany();
  }

  meeting(id: string): Promise<PanelMeetingRecord> {
    return readOne(this.ctx, MEETING, id);
  }

  /** The panel adviser puts a case on a meeting's agenda, before its papers are released. */
  scheduleAgendaItem(input: ScheduleAgendaItemInput): Promise<AgendaItemRecord> {
    return this.ctx.db.unit(async (manager) => {
      const meeting = await this.find(manager, 'read', 'PanelMeeting', PanelMeetingRecord, input.meetingId, 'meetingId');
      const item = Object.assign(new AgendaItemRecord(), {
        meetingId: meeting.id,
        panelId: meeting.panelId,
        meetingOn: meeting.meetingOn,
        papersReleasedOn: meeting.papersReleasedOn,
        windowClosesOn: addDays(meeting.meetingOn, PAPERS_OPEN_AFTER_MEETING_DAYS),
        kind: input.kind,
        scheduledBy: this.ctx.actor.staffId,
      });
      assertCan(this.ctx.ability, MUTATION_ACCESS.scheduleAgendaItem.action, item);
      const [named] = checkInput(input, () => caseNamedBy(input));
      // Released papers open the case to the panel at once: the agenda is set before then.
      if (meeting.papersReleasedOn <= this.ctx.today) {
        throw badUserInput('meetingId', 'a case is scheduled before the meeting’s papers are released');
      }
      Object.assign(item, await this.caseOf(manager, input.kind, named));
      const already = await manager.existsBy(AgendaItemRecord, {
        meetingId: meeting.id,
        kind: input.kind,
        householdId: item.householdId,
        ...(item.matchId ? { matchId: item.matchId } : {}),
      });
      if (already) throw conflict('ALREADY_RECORDED', 'This case is already on the meeting’s agenda');
      return manager.save(item);
    });
  }

  /** The chair or vice chair records the panel's recommendation, from the meeting until the papers close. */
  recordRecommendation(input: RecordPanelRecommendationInput): Promise<AgendaItemRecord> {
    return this.ctx.db.unit(async (manager) => {
      const { action, subject } = MUTATION_ACCESS.recordPanelRecommendation;
      const item = await this.find(manager, action, subject, AgendaItemRecord, input.agendaItemId, 'agendaItemId', input.version);
      const [reasons] = checkInput(input, () => requireText('reasons', input.reasons));
      recommendationDue(item);
      const recommended = await updateVersioned(manager, AgendaItemRecord, item, {
        recommendation: input.recommendation,
        reasons,
        recommendedBy: this.ctx.actor.staffId,
      });
      if (item.matchId && input.recommendation === 'POSITIVE') await this.matchRecommended(manager, item.matchId);
      return recommended;
    });
  }

  recordReportQualityFeedback(input: RecordReportQualityFeedbackInput): Promise<ReportQualityFeedbackRecord> {
    return this.ctx.db.unit(async (manager) => {
      const panel = await this.find(manager, 'read', 'Panel', PanelRecord, input.panelId, 'panelId');
      const feedback = Object.assign(new ReportQualityFeedbackRecord(), { panelId: panel.id });
      assertCan(this.ctx.ability, MUTATION_ACCESS.recordReportQualityFeedback.action, feedback);
      const [strengths, improvements] = checkInput(
        input,
        () => requireText('strengths', input.strengths),
        () => requireText('improvements', input.improvements),
        () => {
          // A period not YYYY-H1 or YYYY-H2 is the input class's fault, named first.
          const [year, half] = input.period.split('-H');
          assertNotFuture('period', `${year}-${half === '1' ? '01' : '07'}-01`, this.ctx.today);
        },
      );
      return manager.save(
        Object.assign(feedback, {
          period: input.period,
          rating: input.rating,
          strengths,
          improvements,
          recordedBy: this.ctx.actor.staffId,
        }),
      );
    });
  }

  /** The case an item is about: a proposed match (with its child and household), or a household at the right stage. */
  private async caseOf(manager: EntityManager, kind: AgendaItemKind, named: string): Promise<Partial<AgendaItemRecord>> {
    if (kind === 'MATCH') {
      const match = await this.find(manager, 'read', 'Match', MatchRecord, named, 'matchId');
      if (match.status !== 'PROPOSED') throw badUserInput('matchId', 'a match goes to panel once proposed, and only once');
      // One agenda at a time (a partial unique index holds it): a deferred match may be scheduled again.
      if (await manager.existsBy(AgendaItemRecord, { matchId: match.id, recommendation: IsNull() })) {
        throw conflict('ALREADY_IN_PROGRESS', 'The match is already on an agenda, awaiting the panel’s recommendation');
      }
      return { matchId: match.id, householdId: match.householdId, childId: match.childId, childAuthority: match.authority };
    }
    const household = await householdNamedBy(this.ctx, manager, named);
    const stage = HOUSEHOLD_STAGE_FOR[kind];
    if (household.stage !== stage) throw badUserInput('householdId', `a household goes to panel for ${kind} at stage ${stage}`);
    if (kind === 'EARLY_PERMANENCE_DUAL_APPROVAL' && !household.earlyPermanence) {
      throw badUserInput('householdId', 'the household is not seeking dual approval');
    }
    return { householdId: household.id, matchId: null, childId: null, childAuthority: null };
  }

  /**
   * A positive recommendation moves the match, and its child, to "match recommended": changes the policy
   * must let the chair make. Locks the child, then the match, in the journey's one order.
   */
  private async matchRecommended(manager: EntityManager, matchId: string): Promise<void> {
    const { childId } = await manager.findOneByOrFail(MatchRecord, { id: matchId });
    const child = await lockedById(manager, ChildRecord, childId);
    const match = await lockedById(manager, MatchRecord, matchId);
    if (match.status !== 'PROPOSED') return;
    // The recommendation's own action, on the records it moves.
    const { action } = MUTATION_ACCESS.recordPanelRecommendation;
    assertCan(this.ctx.ability, action, match);
    assertCan(this.ctx.ability, action, child);
    await updateVersioned(manager, MatchRecord, match, { status: 'RECOMMENDED' });
    await updateVersioned(manager, ChildRecord, child, { stage: stageAfter(child.stage, 'MATCH_RECOMMENDED') });
  }

  private find<E extends { id: string }>(
    manager: EntityManager,
    action: 'read' | 'recommend',
    subjectType: SubjectType,
    entity: new () => E,
    id: string,
    field: string,
    version?: number | null,
  ): Promise<E> {
    return findForAction(action, { manager, ability: this.ctx.ability, subjectType, entity, id: parseId(field, id), version });
  }
}
