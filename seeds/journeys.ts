import type { Authority } from '../src/authz/vocabulary';
import type { AuthorityToPlace } from '../src/journey/placement-order.entity';
import { addDays, daysBetween, earlierOf } from './calendar';
import type { MatchPlan } from './matches';
import { ADOPTION_PLAN_DECISIONS, CHILDREN_MATCHED, PLACEMENT_ORDER_YEARS, PLACEMENT_ORDERS } from './published-figures';
import type { Random } from './random';
import { causeBefore, closestByLag, streamDates, type Lag } from './streams';

/** One child's way through adoption, as dates; the records are built from it (child-rows.ts). */
export type Journey = {
  id: string;
  authority: Authority;
  enteredCareOn: string;
  /** The ADM's decision that the child should be placed for adoption (null: still being considered). */
  planOn: string | null;
  authorityToPlace: { on: string; basis: AuthorityToPlace } | null;
  /** The ADM's first match decision, from the monthly counts; matches.ts turns it into a match. */
  matchDecisionOn: string | null;
  earlyPermanence: { on: string; householdId: string | null } | null;
  planChange: { on: string; reason: string } | null;
  matches: MatchPlan[];
  finder: 'finder.1' | 'finder.2';
};

type MonthlyRates = { plans: number; orders: number; consents: number; matches: number; considering: number };

/** Monthly rates outside the published period: about those of the period, for each authority's size. */
const RATES: Record<Authority, MonthlyRates> = {
  BEXLEY: { plans: 1.2, orders: 1.0, consents: 0.08, matches: 0.9, considering: 3 },
  KENT: { plans: 6.0, orders: 4.9, consents: 0.35, matches: 4.6, considering: 12 },
  MEDWAY: { plans: 2.8, orders: 2.4, consents: 0.15, matches: 2.2, considering: 5 },
};

/** The records start with the children the authorities handed over at launch (1 November 2020). */
const FIRST_PLANS = '2019-07';
const FIRST_ORDERS = '2019-10';
const FIRST_MATCHES = '2020-01';

const PLAN_TO_ORDER: Lag = { min: 30, usual: [50, 220], max: 540 };
const PLAN_TO_CONSENT: Lag = { min: 7, usual: [10, 60], max: 240 };
const ORDER_TO_MATCH: Lag = { min: 21, usual: [30, 240], max: 720 };
const CARE_TO_PLAN_DAYS = [40, 420] as const;
/** Waiting longer than this, a child's plan has changed (the court refused, or another permanence plan). */
const STALE_PLAN_DAYS = 540;
const STALE_ORDER_DAYS = 600;

const PLAN_ONLY_CHANGES = [
  'Placement order refused; the child returned to their mother under a supervision order',
  'Special guardianship order to the maternal grandmother',
  'Child arrangements order to the father',
];
const ORDER_CHANGES = [
  'Long-term fostering with current carers: no adoptive family found',
  'Special guardianship order to an aunt',
  'Placement order revoked on the birth mother’s application',
];

/**
 * An authority's children: the published monthly counts of plan decisions, placement orders and
 * matches (and plausible counts around them) paired into journeys in legal order, each cause a usual
 * lag before its effect. A demand with no cause in reach gets a child of its own whose earlier steps
 * fall outside the published period, so that its counts stay exact.
 */
export function planJourneys(random: Random, ids: Random, authority: Authority, today: string): Journey[] {
  const rates = RATES[authority];
  const child = (planOn: string | null, enteredCareOn: string): Journey => ({
    id: ids.uuid(),
    authority,
    enteredCareOn,
    planOn,
    authorityToPlace: null,
    matchDecisionOn: null,
    earlyPermanence: null,
    planChange: null,
    matches: [],
    finder: random.pick(['finder.1', 'finder.2'] as const),
  });
  const planned = (planOn: string) => child(planOn, addDays(planOn, -random.int(...CARE_TO_PLAN_DAYS)));

  const journeys = streamDates(
    random,
    { fromMonth: FIRST_PLANS, rate: rates.plans, published: ADOPTION_PLAN_DECISIONS[authority] },
    today,
  ).map(planned);
  const orderYear = PLACEMENT_ORDER_YEARS[authority];
  const orders = streamDates(
    random,
    { fromMonth: FIRST_ORDERS, rate: rates.orders, published: PLACEMENT_ORDERS[authority], year: orderYear },
    today,
  );
  const consents = streamDates(random, { fromMonth: FIRST_ORDERS, rate: rates.consents }, today);
  const authorities = [
    ...orders.map((on) => ({ on, basis: 'PLACEMENT_ORDER' as const })),
    ...consents.map((on) => ({ on, basis: 'CONSENT' as const })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  for (const atp of authorities) {
    const lag = atp.basis === 'CONSENT' ? PLAN_TO_CONSENT : PLAN_TO_ORDER;
    const waiting = journeys.filter((j) => !j.authorityToPlace);
    let journey = closestByLag(random, waiting, (j) => j.planOn!, atp.on, lag);
    if (!journey) journeys.push((journey = planned(causeBefore(random, atp.on, lag))));
    journey.authorityToPlace = atp;
  }

  const matches = streamDates(random, { fromMonth: FIRST_MATCHES, rate: rates.matches, published: CHILDREN_MATCHED[authority] }, today);
  for (const on of matches) {
    const waiting = journeys.filter((j) => j.authorityToPlace && !j.matchDecisionOn);
    let journey = closestByLag(random, waiting, (j) => j.authorityToPlace!.on, on, ORDER_TO_MATCH);
    if (!journey) {
      const orderOn = causeBefore(random, on, ORDER_TO_MATCH, orderYear);
      journeys.push((journey = planned(causeBefore(random, orderOn, PLAN_TO_ORDER))));
      journey.authorityToPlace = { on: orderOn, basis: 'PLACEMENT_ORDER' };
    }
    journey.matchDecisionOn = on;
  }

  for (const journey of journeys) settleStale(random, journey, today);
  const considering = Array.from({ length: random.poisson(rates.considering) }, () => child(null, addDays(today, -random.int(14, 300))));
  return [...journeys, ...considering];
}

/** A plan that found no order, or an order that found no family, within a plausible time has changed. */
function settleStale(random: Random, journey: Journey, today: string): void {
  const { planOn, authorityToPlace: atp, matchDecisionOn } = journey;
  if (!planOn || matchDecisionOn) return;
  if (!atp && daysBetween(planOn, today) > STALE_PLAN_DAYS) {
    journey.planChange = {
      on: earlierOf(today, addDays(planOn, random.int(120, 480))),
      reason: random.pick(PLAN_ONLY_CHANGES),
    };
  } else if (atp && daysBetween(atp.on, today) > STALE_ORDER_DAYS) {
    journey.planChange = {
      on: earlierOf(today, addDays(atp.on, random.int(200, 540))),
      reason: random.pick(ORDER_CHANGES),
    };
  }
}
