import { addDays, inRange, randomWeekday } from './calendar';
import type { HouseholdFactory, HouseholdPlan } from './households';
import type { Journey } from './journeys';
import type { MatchPlan } from './matches';
import { PERIOD, PLACED_WITH_OTHER_AGENCY_ADOPTERS } from './published-figures';
import type { Random } from './random';
import { closestByLag, type Lag } from './streams';

/** How long approved adopters wait for a link: at least a week after approval, usually a few months. */
const APPROVAL_TO_LINK: Lag = { min: 7, usual: [14, 240], max: 1000 };

/** Outside the published period, the share of children placed with adopters approved by another agency. */
const OTHER_AGENCY_SHARE = 0.03;
const OTHER_AGENCIES = ['Northfield Adoption Agency', 'Westmarch Regional Adoption Agency'];

/** A household needed for `match` from its proposal; dual-approved carers for an early-permanence child's link. */
type Need = { match: MatchPlan; earlyPermanence: Journey['earlyPermanence'] };

/**
 * Links each proposed match with an approved household from the regional pool, earliest proposal
 * first (early-permanence carers only among dual-approved households). When the pool is empty, a
 * household approved before launch joins it, as approvals inside the period are fixed. A few children are
 * placed with adopters another agency approved: the published number of those placed in the period, a small
 * share of the others. Returns the households added.
 */
export function linkHouseholds(random: Random, factory: HouseholdFactory, journeys: Journey[], pool: HouseholdPlan[]) {
  const needs = journeys.flatMap((journey) =>
    journey.matches.map((match, i): Need => ({ match, earlyPermanence: i === 0 ? journey.earlyPermanence : null })),
  );
  const free = new Set(pool.filter((h) => h.approvedOn));
  const added: HouseholdPlan[] = [];
  const elsewhere = placedWithOtherAgencyAdopters(random, needs);
  for (const need of needs.sort((a, b) => a.match.proposedOn.localeCompare(b.match.proposedOn))) {
    const on = need.match.proposedOn;
    if (elsewhere.has(need)) {
      const household = factory.approvedElsewhere(addDays(on, -random.int(7, 45)), random.pick(OTHER_AGENCIES));
      added.push(Object.assign(household, { matches: [need.match] }));
      need.match.householdId = household.id;
      continue;
    }
    const available = [...free].filter((h) => !h.withdrawOn || h.withdrawOn > on);
    const household =
      pick(
        random,
        available.filter((h) => h.earlyPermanence === (need.earlyPermanence !== null)),
        on,
      ) ??
      (need.earlyPermanence ? undefined : pick(random, available, on)) ??
      joinBeforeLaunch(random, factory, need, added);
    free.delete(household);
    Object.assign(household, { matches: [need.match], withdrawOn: null });
    need.match.householdId = household.id;
    if (need.earlyPermanence) need.earlyPermanence.householdId = household.id;
  }
  return added;
}

/** Among children placed for adoption and never disrupted, not in early permanence (whose carers are ours). */
function placedWithOtherAgencyAdopters(random: Random, needs: Need[]): Set<Need> {
  const candidates = needs.filter((n) => n.match.placedOn && !n.match.disruption && !n.earlyPermanence);
  const inPeriod = candidates.filter((n) => inRange(n.match.placedOn!, PERIOD));
  if (inPeriod.length < PLACED_WITH_OTHER_AGENCY_ADOPTERS) throw new Error('too few children placed in the period');
  return new Set([
    ...random.shuffle(inPeriod).slice(0, PLACED_WITH_OTHER_AGENCY_ADOPTERS),
    ...candidates.filter((n) => !inRange(n.match.placedOn!, PERIOD) && random.chance(OTHER_AGENCY_SHARE)),
  ]);
}

function pick(random: Random, households: HouseholdPlan[], on: string): HouseholdPlan | undefined {
  return closestByLag(random, households, (h) => h.approvedOn!, on, APPROVAL_TO_LINK);
}

function joinBeforeLaunch(random: Random, factory: HouseholdFactory, need: Need, added: HouseholdPlan[]) {
  const usual = addDays(need.match.proposedOn, -random.int(30, 150));
  const approvedOn = usual < PERIOD.from ? usual : randomWeekday(random, { from: '2020-09-01', to: '2020-10-23' });
  const household = factory.approvedBy(approvedOn, need.earlyPermanence !== null);
  added.push(household);
  return household;
}
