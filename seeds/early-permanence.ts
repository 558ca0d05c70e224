import { addDays, earlierOf, overlap, randomWeekday, type DateRange } from './calendar';
import type { Journey } from './journeys';
import type { IllustrativeCountRecord } from '../src/board/illustrative-count.entity';
import { EARLY_PERMANENCE_PLACEMENTS, PERIOD } from './published-figures';
import type { Random } from './random';

/** The papers give the period's early-permanence placements for the partnership only: the split is the demo's. */
export const EARLY_PERMANENCE_ILLUSTRATIVE: IllustrativeCountRecord = {
  measure: 'EARLY_PERMANENCE_BY_AUTHORITY',
  firstDay: PERIOD.from,
  lastDay: PERIOD.to,
  reason: 'The papers publish the partnership’s count only; the split by authority is generated for the demo.',
};

/** Outside the published period, the share of children placed in early permanence (fostering for adoption). */
const SHARE = 0.2;

/**
 * Places children with early-permanence carers between the plan decision and authority to place:
 * exactly the published number inside the period (all of them children later matched with those
 * carers), a plausible share outside it. The carers are linked first (matches.ts), from the pool (household-pool.ts).
 */
export function placeInEarlyPermanence(random: Random, journeys: Journey[], today: string): void {
  const open = journeys.filter((j) => j.planOn && !j.planChange && windowOf(j, today));
  const inPeriod = random
    .shuffle(open.filter((j) => j.matchDecisionOn && overlap(windowOf(j, today)!, PERIOD)))
    .slice(0, EARLY_PERMANENCE_PLACEMENTS);
  if (inPeriod.length < EARLY_PERMANENCE_PLACEMENTS) {
    throw new Error('too few children to place in early permanence in the period');
  }
  for (const journey of inPeriod) {
    journey.earlyPermanence = {
      on: randomWeekday(random, overlap(windowOf(journey, today)!, PERIOD)!),
      householdId: null,
    };
  }
  for (const journey of open) {
    if (journey.earlyPermanence || !random.chance(SHARE)) continue;
    const window = windowOf(journey, today)!;
    const outside = [
      overlap(window, { from: window.from, to: addDays(PERIOD.from, -1) }),
      overlap(window, { from: addDays(PERIOD.to, 1), to: window.to }),
    ].filter((range) => range !== undefined);
    if (outside.length) journey.earlyPermanence = { on: randomWeekday(random, random.pick(outside)), householdId: null };
  }
}

/** From just after the plan decision to just before authority to place (or today), within two months. */
function windowOf(journey: Journey, today: string): DateRange | undefined {
  const from = addDays(journey.planOn!, 3);
  const to = earlierOf(addDays(journey.planOn!, 60), journey.authorityToPlace ? addDays(journey.authorityToPlace.on, -3) : today);
  return from <= to ? { from, to } : undefined;
}
