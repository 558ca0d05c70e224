import type { Authority } from '../src/authz/vocabulary';
import type { AgendaItemKind, AgendaItemRecord, PanelRecommendation } from '../src/panels/agenda-item.entity';
import type { PanelMeetingRecord } from '../src/panels/panel-meeting.entity';
import type { ReportQualityFeedbackRecord } from '../src/panels/report-quality-feedback.entity';
import { addDays, dayOfWeek } from './calendar';
import { DEMO_PANEL_IDS, demoStaff } from './demo-staff';
import type { Random } from './random';

/** The demo uses panels 1 and 2, whose officers are demo staff (seeds/demo-staff.ts). */
export type PanelNo = 0 | 1;
export const DEMO_PANELS: readonly PanelNo[] = [0, 1];

/** Each panel's chair (first), who records most recommendations, the vice chair sometimes; its adviser; its day. */
const OFFICERS: Record<PanelNo, { chairs: readonly string[]; adviser: string; meetsOn: number }> = {
  0: { chairs: ['panel.1', 'panel.1', 'vicechair.1'], adviser: 'adviser.1', meetsOn: 2 /* Tuesday */ },
  1: { chairs: ['chair.2'], adviser: 'adviser.2', meetsOn: 4 /* Thursday */ },
};

/** Panels met weekly since before the earliest case the seed records. */
const FIRST_MEETING_FROM = '2019-01-01';
const PAPERS_DAYS_BEFORE = 7;

export type Meeting = { id: string; panel: PanelNo; on: string; papersOn: string };

/** The weekly meetings of the demo panels, up to the first one after `today` (whose papers are out). */
export class PanelCalendar {
  private readonly byPanel: Record<PanelNo, Meeting[]>;

  constructor(
    ids: Random,
    readonly today: string,
  ) {
    this.byPanel = { 0: this.weekly(ids, 0), 1: this.weekly(ids, 1) };
  }

  get meetings(): Meeting[] {
    return [...this.byPanel[0], ...this.byPanel[1]];
  }

  /** The meeting after today: on the agenda, papers released, no recommendation yet. */
  upcoming(panel: PanelNo): Meeting {
    return this.byPanel[panel].at(-1)!;
  }

  latestOnOrBefore(panel: PanelNo, date: string): Meeting | undefined {
    const meetings = this.byPanel[panel];
    return meetings[this.countOnOrBefore(meetings, date) - 1];
  }

  firstOnOrAfter(panel: PanelNo, date: string): Meeting | undefined {
    const meetings = this.byPanel[panel];
    return meetings[this.countOnOrBefore(meetings, addDays(date, -1))];
  }

  private countOnOrBefore(meetings: Meeting[], date: string): number {
    let low = 0;
    let high = meetings.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (meetings[mid]!.on <= date) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private weekly(ids: Random, panel: PanelNo): Meeting[] {
    let on = FIRST_MEETING_FROM;
    while (dayOfWeek(on) !== OFFICERS[panel].meetsOn) on = addDays(on, 1);
    const meetings: Meeting[] = [];
    for (; ; on = addDays(on, 7)) {
      meetings.push({ id: ids.uuid(), panel, on, papersOn: addDays(on, -PAPERS_DAYS_BEFORE) });
      if (on > this.today) return meetings;
    }
  }
}

export function meetingRows(calendar: PanelCalendar): Partial<PanelMeetingRecord>[] {
  return calendar.meetings.map((m) => ({
    id: m.id,
    panelId: DEMO_PANEL_IDS[m.panel],
    meetingOn: m.on,
    papersReleasedOn: m.papersOn,
  }));
}

/**
 * Each panel's meeting after the upcoming one, its papers not yet released: the agenda its adviser is still
 * setting. Kept out of the calendar the demo's history is drawn from, so that history stays as it was.
 */
export function agendaBeingSetRows(ids: Random, calendar: PanelCalendar): Partial<PanelMeetingRecord>[] {
  return DEMO_PANELS.map((panel) => {
    const meetingOn = addDays(calendar.upcoming(panel).on, 7);
    return {
      id: ids.uuid(),
      panelId: DEMO_PANEL_IDS[panel],
      meetingOn,
      papersReleasedOn: addDays(meetingOn, -PAPERS_DAYS_BEFORE),
    };
  });
}

/** A case on a meeting's agenda; `recommendation` is null until the chair records it at the meeting. */
export type AgendaEntry = {
  meeting: Meeting;
  kind: AgendaItemKind;
  householdId: string;
  match: { id: string; childId: string; authority: Authority } | null;
  recommendation: PanelRecommendation | null;
};

const REASONS: Record<PanelRecommendation, readonly string[]> = {
  POSITIVE: [
    'The assessment evidences the capacity to meet the needs described.',
    'Strong, reflective report; support plan agreed.',
    'The panel is satisfied that the match meets the child’s needs.',
  ],
  NEGATIVE: ['The assessment does not evidence capacity to meet a child’s lifelong needs.'],
  DEFERRED: ['Further information needed on the support plan.'],
};

export function agendaItemRows(random: Random, ids: Random, entries: AgendaEntry[]): Partial<AgendaItemRecord>[] {
  return entries.map(({ meeting, kind, householdId, match, recommendation }) => ({
    id: ids.uuid(),
    meetingId: meeting.id,
    panelId: DEMO_PANEL_IDS[meeting.panel],
    meetingOn: meeting.on,
    papersReleasedOn: meeting.papersOn,
    kind,
    householdId,
    matchId: match?.id ?? null,
    childId: match?.childId ?? null,
    childAuthority: match?.authority ?? null,
    recommendation,
    reasons: recommendation ? random.pick(REASONS[recommendation]) : null,
    recommendedBy: recommendation ? demoStaff(random.pick(OFFICERS[meeting.panel].chairs)).id : null,
    scheduledBy: demoStaff(OFFICERS[meeting.panel].adviser).id,
  }));
}

const STRENGTHS = [
  'Child Permanence Reports give a vivid picture of the child.',
  'Prospective Adopter’s Reports are analytical and evidence-based.',
  'Support plans are specific and realistic.',
];
const IMPROVEMENTS = [
  'Chronologies are too long; summarise the key events.',
  'Say more about contact with brothers and sisters.',
  'Medical reports arrive late for some matches.',
];

/** Each panel's six-monthly feedback on report quality, for every half-year completed by `today`. */
export function reportFeedbackRows(random: Random, today: string): Partial<ReportQualityFeedbackRecord>[] {
  const rows: Partial<ReportQualityFeedbackRecord>[] = [];
  for (let year = 2020; `${year}-01-01` <= today; year += 1) {
    for (const half of [1, 2] as const) {
      const ends = half === 1 ? `${year}-06-30` : `${year}-12-31`;
      if (ends >= today || (year === 2020 && half === 1)) continue;
      for (const panel of DEMO_PANELS) {
        rows.push({
          panelId: DEMO_PANEL_IDS[panel],
          period: `${year}-H${half}`,
          rating: random.int(2, 4),
          strengths: random.pick(STRENGTHS),
          improvements: random.pick(IMPROVEMENTS),
          recordedBy: demoStaff(OFFICERS[panel].chairs[0]!).id,
        });
      }
    }
  }
  return rows;
}
