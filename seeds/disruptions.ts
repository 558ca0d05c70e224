import { AUTHORITIES } from '../src/authz/vocabulary';
import { addDays, daysBetween, earlierOf, laterOf, randomWeekday, type DateRange } from './calendar';
import type { Journey } from './journeys';
import { scheduleMatchFrom, type MatchPlan } from './matches';
import type { PanelCalendar } from './panels';
import { DISRUPTIONS, PERIOD } from './published-figures';
import type { Random } from './random';

const REASONS = [
  'The adopters could not manage the child’s trauma-related behaviour despite support',
  'A change in the adopters’ health and circumstances',
  'The relationship between the child and an adopter broke down',
];
/** After the published period, about one disruption a year. */
const LATER_FROM = '2021-07-01';

/**
 * Ends some adoptive placements before an adoption order: the published disruptions inside the period,
 * about one a year after it. Each child goes back to family finding and, in time, a new match.
 */
export function disruptPlacements(random: Random, ids: Random, journeys: Journey[], calendar: PanelCalendar): void {
  const disruptIn = (range: DateRange, count: number, authority?: string) => {
    const candidates = journeys.filter(
      (j) =>
        (!authority || j.authority === authority) && !j.earlyPermanence && j.matches.length === 1 && disruptionWindow(j.matches[0]!, range),
    );
    const chosen = random.shuffle(candidates).slice(0, count);
    for (const journey of chosen) disrupt(random, ids, calendar, journey, disruptionWindow(journey.matches[0]!, range)!);
    return chosen.length;
  };
  for (const authority of AUTHORITIES) {
    if (disruptIn(PERIOD, DISRUPTIONS[authority], authority) < DISRUPTIONS[authority]) {
      throw new Error(`too few ${authority} placements to disrupt in the period`);
    }
  }
  // The disruption meeting, up to 15 days later, is held by today.
  const later = { from: LATER_FROM, to: addDays(calendar.today, -21) };
  disruptIn(later, Math.floor(daysBetween(later.from, calendar.today) / 365));
}

/** Two weeks to two months into an adoptive placement, before any adoption order, within `range`. */
function disruptionWindow(match: MatchPlan, range: DateRange): DateRange | undefined {
  if (!match.placedOn || match.disruption) return undefined;
  const to = earlierOf(range.to, addDays(match.placedOn, 60));
  const window = {
    from: laterOf(range.from, addDays(match.placedOn, 14)),
    to: match.adoptionOrderOn ? earlierOf(to, addDays(match.adoptionOrderOn, -1)) : to,
  };
  return window.from <= window.to ? window : undefined;
}

function disrupt(random: Random, ids: Random, calendar: PanelCalendar, journey: Journey, window: DateRange): void {
  const match = journey.matches[0]!;
  const on = randomWeekday(random, window);
  const meetingOn = addDays(on, random.int(5, 15));
  Object.assign(match, { adoptionOrderOn: null, disruption: { on, meetingOn, reason: random.pick(REASONS) } });
  const next = scheduleMatchFrom(random, ids, calendar, journey, addDays(meetingOn, random.int(45, 120)));
  if (next) journey.matches.push(next);
}
