import type { Authority } from '../src/authz/vocabulary';
import { addDays, laterOf, randomWeekday } from './calendar';
import type { HouseholdFactory, HouseholdPlan } from './households';
import type { Journey } from './journeys';
import { proposeMatch } from './matches';
import { DEMO_PANELS, type Meeting, type PanelCalendar } from './panels';
import type { Random } from './random';

/**
 * What people trying the demo find today: links proposed for children waiting with authority to place
 * (Kent and Medway first) — some on each panel's coming agenda, some not yet scheduled, a few
 * recommended by panel and awaiting the ADM's decision.
 */
export function openCurrentMatches(random: Random, ids: Random, journeys: Journey[], calendar: PanelCalendar): void {
  const today = calendar.today;
  const waiting = journeys
    .filter((j) => j.authorityToPlace && !j.matches.length && !j.planChange)
    .sort((a, b) => a.authorityToPlace!.on.localeCompare(b.authorityToPlace!.on));
  const next = (authorities: readonly Authority[], latestProposal: string) => {
    const journey = waiting.find((j) => authorities.includes(j.authority) && j.planOn! <= latestProposal);
    if (journey) waiting.splice(waiting.indexOf(journey), 1);
    return journey;
  };
  const propose = (journey: Journey | undefined, proposedOn: string, meeting: Meeting | null) => {
    if (journey) journey.matches.push(proposeMatch(ids.uuid(), laterOf(journey.planOn!, proposedOn), meeting));
  };

  for (const panel of DEMO_PANELS) {
    const upcoming = calendar.upcoming(panel);
    const latest = upcoming.papersOn;
    for (const authority of ['KENT', 'MEDWAY'] as const) {
      propose(next([authority], latest), randomWeekday(random, { from: addDays(latest, -30), to: latest }), upcoming);
    }
    const recommendedAt = calendar.latestOnOrBefore(panel, addDays(today, -1))!;
    propose(
      next(['BEXLEY', 'KENT', 'MEDWAY'], addDays(recommendedAt.on, -14)),
      addDays(recommendedAt.on, -random.int(14, 30)),
      recommendedAt,
    );
  }
  for (const authority of ['KENT', 'MEDWAY'] as const) {
    propose(next([authority], addDays(today, -1)), randomWeekday(random, { from: addDays(today, -20), to: addDays(today, -1) }), null);
  }
}

/** Each panel's coming meeting has one or two adopter approvals to hear: extra ones wait for a later date. */
export function fillComingAgendas(random: Random, factory: HouseholdFactory, calendar: PanelCalendar, households: HouseholdPlan[]): void {
  for (const panel of DEMO_PANELS) {
    const upcoming = calendar.upcoming(panel);
    const wanted = random.int(1, 2);
    const listed = households.filter((h) => h.panel?.meeting === upcoming);
    for (const household of listed.slice(wanted)) household.panel = null;
    for (let n = listed.length; n < wanted; n += 1) households.push(factory.onAgenda(upcoming));
  }
}
