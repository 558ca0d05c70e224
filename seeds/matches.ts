import type { MatchStatus } from '../src/journey/match.entity';
import { addDays, earlierOf, inRange, laterOf, randomWeekday, weekdayFrom } from './calendar';
import type { Journey } from './journeys';
import type { Meeting, PanelCalendar, PanelNo } from './panels';
import { PERIOD } from './published-figures';
import type { Random } from './random';

/** A link between a child and a household, from proposal to adoption order (null: not reached by today). */
export type MatchPlan = {
  id: string;
  proposedOn: string;
  /** The panel meeting that has (or will have, when upcoming) the match on its agenda. */
  meeting: Meeting | null;
  decidedOn: string | null;
  /** The adoptive placement, or the day an early-permanence placement converted into it. */
  placedOn: string | null;
  adoptionOrderOn: string | null;
  disruption: { on: string; meetingOn: string; reason: string } | null;
  householdId: string | null;
};

/** Ten weeks, in days: the earliest an adoption order follows the placement. */
const ADOPTION_ORDER_MIN_DAYS = 70;

export function statusOf(match: MatchPlan, today: string): MatchStatus {
  if (match.disruption) return 'DISRUPTED';
  if (match.adoptionOrderOn) return 'ADOPTED';
  if (match.placedOn) return 'PLACED';
  if (match.decidedOn) return 'APPROVED';
  return match.meeting && match.meeting.on <= today ? 'RECOMMENDED' : 'PROPOSED';
}

/**
 * Each child's match decided on `matchDecisionOn`, worked back to the proposal and panel and forward to
 * the adoption order. Early-permanence carers are linked on or before the placement with them (the
 * API places a child in early permanence only with carers already linked), whether or not decided yet.
 */
export function scheduleMatches(random: Random, ids: Random, journeys: Journey[], calendar: PanelCalendar): void {
  for (const journey of journeys) {
    const { matchDecisionOn: decidedOn, earlyPermanence: ep } = journey;
    const linkedOn = ep && laterOf(journey.planOn!, addDays(ep.on, -random.int(0, 14)));
    if (!decidedOn) {
      if (linkedOn) journey.matches.push(proposeMatch(ids.uuid(), linkedOn, null));
      continue;
    }
    const meeting = panelBefore(random, calendar, decidedOn, addDays(linkedOn ?? journey.planOn!, 7));
    const proposedOn = linkedOn ?? laterOf(journey.planOn!, earlierOf(meeting.papersOn, addDays(meeting.on, -random.int(14, 45))));
    journey.matches.push(afterDecision(random, calendar.today, { ...proposeMatch(ids.uuid(), proposedOn, meeting), decidedOn }, journey));
  }
}

/** A match proposed on `proposedOn`, on the agenda of `meeting` if any, not yet decided. */
export function proposeMatch(id: string, proposedOn: string, meeting: Meeting | null): MatchPlan {
  return {
    id,
    proposedOn,
    meeting,
    decidedOn: null,
    placedOn: null,
    adoptionOrderOn: null,
    disruption: null,
    householdId: null,
  };
}

/** A new match proposed on or after `from`: to panel within weeks, never decided inside the published period. */
export function scheduleMatchFrom(random: Random, ids: Random, calendar: PanelCalendar, journey: Journey, from: string): MatchPlan | null {
  const today = calendar.today;
  const proposedOn = weekdayFrom(from);
  if (proposedOn > today) return null;
  const panel = random.pick([0, 1] as const);
  let meeting = calendar.firstOnOrAfter(panel, addDays(proposedOn, random.int(14, 40)))!;
  let decidedOn = weekdayFrom(addDays(meeting.on, random.int(1, 10)));
  if (inRange(decidedOn, PERIOD)) {
    decidedOn = randomWeekday(random, { from: '2021-06-01', to: '2021-06-30' });
    meeting = calendar.latestOnOrBefore(panel, addDays(decidedOn, -1))!;
  }
  const match = afterDecision(random, today, { ...proposeMatch(ids.uuid(), proposedOn, meeting), decidedOn }, journey);
  if (meeting.on <= today) return match;
  // Not heard yet: on the agenda of the coming meeting when its papers are out, else awaiting a date.
  return { ...match, meeting: meeting.papersOn <= today ? meeting : null };
}

/** The latest meeting of a panel on or a few days before `decidedOn`, no earlier than `earliest`. */
function panelBefore(random: Random, calendar: PanelCalendar, decidedOn: string, earliest: string): Meeting {
  for (const panel of random.shuffle([0, 1] as PanelNo[])) {
    for (const daysBefore of [random.int(1, 10), 0]) {
      const meeting = calendar.latestOnOrBefore(panel, addDays(decidedOn, -daysBefore));
      if (meeting && meeting.on >= earliest) return meeting;
    }
  }
  throw new Error(`no panel meeting between ${earliest} and ${decidedOn}`);
}

/** Placement (an early-permanence placement converts sooner) and adoption order, as far as `today` reaches. */
function afterDecision(random: Random, today: string, match: MatchPlan, journey: Journey): MatchPlan {
  if (!match.decidedOn || match.decidedOn > today) return { ...match, decidedOn: null };
  const placedOn = addDays(match.decidedOn, journey.earlyPermanence ? random.int(3, 21) : random.int(7, 28));
  if (placedOn > today) return match;
  const adoptionOrderOn = addDays(placedOn, ADOPTION_ORDER_MIN_DAYS + random.int(5, 260));
  return { ...match, placedOn, adoptionOrderOn: adoptionOrderOn <= today ? adoptionOrderOn : null };
}
