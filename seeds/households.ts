import type { HouseholdStage } from '../src/households/household-stage';
import type { PanelRecommendation } from '../src/panels/agenda-item.entity';
import { addDays, firstDayOf, lastDayOf, randomWeekday, weekdayFrom } from './calendar';
import type { MatchPlan } from './matches';
import { DEMO_PANELS, type Meeting, type PanelCalendar } from './panels';
import { ADOPTER_APPROVALS, RECRUITMENT } from './published-figures';
import type { Random } from './random';
import { FAST_TRACK_SHARE, pathBackTo, pathFrom, type Path } from './recruitment-paths';
import { streamDates } from './streams';

export type StageEvent = { stage: HouseholdStage; on: string; reason: string | null };

/** An adopter household's recruitment as far as `today`, and the children later linked with it. */
export type HouseholdPlan = {
  id: string;
  earlyPermanence: boolean;
  fastTrack: boolean;
  enquiryOn: string;
  events: StageEvent[];
  panel: { meeting: Meeting; recommendation: PanelRecommendation | null } | null;
  decision: { outcome: 'APPROVED' | 'NOT_APPROVED'; on: string } | null;
  approvedOn: string | null;
  /** The agency that approved the household when not the partnership: its recruitment is that agency's record. */
  approvingAgency: string | null;
  /** An approved household never linked with a child withdraws then (after its approval review). */
  withdrawOn: string | null;
  matches: MatchPlan[];
};

const EARLY_PERMANENCE_SHARE = 0.25;
const VISITED_SHARE = 0.85;
/** Enquiries a month after the published recruitment months, and before launch those that went no further. */
const ENQUIRIES_AFTER = { fromMonth: '2021-07', rate: 25 };
const DROPOUTS_BEFORE = { fromMonth: '2019-04', rate: 11 };
/**
 * Approvals a month worked back from their dates: before launch (the authorities' approved adopters
 * joined the regional pool), the published ones, then until families who enquired after launch reach approval.
 */
const APPROVALS_WORKED_BACK = { fromMonth: '2019-10', rate: 8, until: '2021-08-31' };
/** Of those reaching each stage, the share going on to the next. */
const GOES_ON: Partial<Record<HouseholdStage, number>> = {
  INITIAL_VISIT: 0.6,
  REGISTRATION: 0.92,
  STAGE_1: 0.9,
  STAGE_2: 0.95,
};
const APPROVED_SHARE = 0.97;
/** The decision date of a household whose panel meeting is not yet in the calendar. */
const NOT_YET = '9999-12-31';
const WITHDRAWAL_REASONS = ['Decided adoption is not right for them now', 'Change in circumstances', 'Moved out of the area'];

export class HouseholdFactory {
  constructor(
    private readonly random: Random,
    private readonly ids: Random,
    private readonly calendar: PanelCalendar,
  ) {}

  /**
   * The recruitment pipeline. Approvals until August 2021 (the published ones among them) are worked
   * back from their dates. The published enquiries and initial visits of November 2020 – June 2021,
   * every later enquiry, and earlier ones that went no further are worked forward, families leaving
   * along the way; forward, approval comes at least seven months after the enquiry, so none of them
   * adds an approval to the published period.
   */
  recruit(): HouseholdPlan[] {
    const { random } = this;
    const approvals = streamDates(random, { ...APPROVALS_WORKED_BACK, published: ADOPTER_APPROVALS }, APPROVALS_WORKED_BACK.until);
    const dropouts = streamDates(random, DROPOUTS_BEFORE, '2020-10-31');
    const published = RECRUITMENT.months.flatMap((month, i) =>
      random.shuffle(Array.from({ length: RECRUITMENT.enquiries[i]! }, (_, n) => n < RECRUITMENT.initialVisits[i]!)).map((visited) => ({
        on: randomWeekday(random, { from: firstDayOf(month), to: lastDayOf(month) }),
        visited,
      })),
    );
    const later = streamDates(random, ENQUIRIES_AFTER, this.calendar.today);
    return [
      ...approvals.map((on) => this.approvedBy(on)),
      ...dropouts.map((on) => this.forward(on, { visited: random.chance(VISITED_SHARE), leavesBeforePanel: true })),
      ...published.map(({ on, visited }) => this.forward(on, { visited })),
      ...later.map((on) => {
        const fastTrack = random.chance(FAST_TRACK_SHARE);
        return this.forward(on, { fastTrack, visited: fastTrack || random.chance(VISITED_SHARE) });
      }),
    ];
  }

  /** A household approved on `approvedOn`, its application worked back from the panel before it. */
  approvedBy(approvedOn: string, earlyPermanence = this.random.chance(EARLY_PERMANENCE_SHARE)): HouseholdPlan {
    const meeting = this.latestMeeting(addDays(approvedOn, -this.random.int(3, 12)));
    const path = pathBackTo(this.random, addDays(meeting.on, -this.random.int(14, 35)));
    return this.build(path, path.length - 1, { meeting, decidedOn: approvedOn, outcome: 'APPROVED' }, earlyPermanence);
  }

  /** A household at panel stage, on the agenda of `meeting` (upcoming: no recommendation yet). */
  onAgenda(meeting: Meeting): HouseholdPlan {
    const path = pathBackTo(this.random, addDays(meeting.papersOn, -this.random.int(0, 14)));
    return this.build(path, path.length - 1, { meeting, decidedOn: addDays(meeting.on, 7), outcome: 'APPROVED' });
  }

  /** A household from its enquiry: to the initial visit if `visited` (else it leaves), then on or out by stage. */
  private forward(
    enquiryOn: string,
    { fastTrack = false, visited, leavesBeforePanel = false }: { fastTrack?: boolean; visited: boolean; leavesBeforePanel?: boolean },
  ): HouseholdPlan {
    const { random } = this;
    const path = pathFrom(random, enquiryOn, fastTrack);
    let last = fastTrack ? 1 : visited ? 2 : random.int(0, 1);
    while (visited && last < path.length - 1 && random.chance(GOES_ON[path[last]![0]] ?? 1)) last += 1;
    const reachesPanel = path[last]![0] === 'PANEL';
    if (leavesBeforePanel && reachesPanel) last -= 1;
    if (!reachesPanel || leavesBeforePanel) return this.build(path, last, null);
    const meeting = this.calendar.firstOnOrAfter(random.pick(DEMO_PANELS), addDays(path[last]![1], random.int(14, 28)));
    const decidedOn = meeting ? weekdayFrom(addDays(meeting.on, random.int(3, 12))) : NOT_YET;
    return this.build(path, last, {
      meeting,
      decidedOn,
      outcome: random.chance(APPROVED_SHARE) ? 'APPROVED' : 'NOT_APPROVED',
    });
  }

  /**
   * The household as far as `today` reaches: its stages up to `last`, then either withdrawn (no
   * `panel`) or its panel (a meeting not yet in the calendar: awaiting a date) and decision.
   */
  private build(
    path: Path,
    last: number,
    panel: { meeting: Meeting | undefined; decidedOn: string; outcome: 'APPROVED' | 'NOT_APPROVED' } | null,
    earlyPermanence = this.random.chance(EARLY_PERMANENCE_SHARE),
  ): HouseholdPlan {
    const { random } = this;
    const today = this.calendar.today;
    const event = (stage: HouseholdStage, on: string, reason: string | null = null): StageEvent => ({
      stage,
      on,
      reason,
    });
    const events = path.slice(0, last + 1).map(([stage, on]) => event(stage, on));
    if (!panel) {
      events.push(event('WITHDRAWN', addDays(path[last]![1], random.int(14, 75)), random.pick(WITHDRAWAL_REASONS)));
    }
    const decided = panel && panel.decidedOn <= today ? panel : null;
    if (decided) events.push(event(decided.outcome, decided.decidedOn));
    const approvedOn = decided?.outcome === 'APPROVED' ? decided.decidedOn : null;
    const heard = panel?.meeting && panel.meeting.papersOn <= today ? panel.meeting : null;
    return {
      id: this.ids.uuid(),
      earlyPermanence,
      fastTrack: path[1]![0] === 'STAGE_2',
      enquiryOn: path[0]![1],
      events: events.filter((e) => e.on <= today),
      panel: heard && {
        meeting: heard,
        recommendation: heard.on > today ? null : panel!.outcome === 'APPROVED' ? 'POSITIVE' : 'NEGATIVE',
      },
      decision: decided && { outcome: decided.outcome, on: decided.decidedOn },
      approvedOn,
      approvingAgency: null,
      withdrawOn: approvedOn && addDays(approvedOn, random.int(420, 600)),
      matches: [],
    };
  }

  /**
   * Adopters approved by `agency`, referred to the partnership on `referredOn` for a child: the partnership records
   * them from the referral, as approved (by that agency, some weeks before), without a recruitment or panel of its own.
   */
  approvedElsewhere(referredOn: string, agency: string): HouseholdPlan {
    return {
      id: this.ids.uuid(),
      earlyPermanence: false,
      fastTrack: false,
      enquiryOn: referredOn,
      events: [
        { stage: 'ENQUIRY', on: referredOn, reason: null },
        { stage: 'APPROVED', on: referredOn, reason: `Approved by ${agency}` },
      ],
      panel: null,
      decision: null,
      approvedOn: addDays(referredOn, -this.random.int(20, 120)),
      approvingAgency: agency,
      withdrawOn: null,
      matches: [],
    };
  }

  private latestMeeting(onOrBefore: string): Meeting {
    return this.calendar.latestOnOrBefore(this.random.pick(DEMO_PANELS), onOrBefore)!;
  }
}
