import type { Random } from '../../seeds/random';
import type { ChildStage } from '../../src/journey/child-stage';
import { STAGE_OF_MATCH } from '../../seeds/child-rows';
import type { MatchStatus } from '../../src/journey/match.entity';
import type { StageEvent } from './households';
import type { Meeting, PanelCalendar } from './staff-and-panels';
import { addDays, AS_OF, byAsOf, earlierOf, laterOf } from './timeline';

/** A link with a household and how far it got by AS_OF. */
export type Link = {
  proposedOn: string;
  meeting: Meeting | null;
  decidedOn: string | null;
  placedOn: string | null;
  adoptedOn: string | null;
  withdrawnOn: string | null;
  disruption: { on: string; meetingOn: string } | null;
};

export type Journey = {
  planOn: string | null;
  changeOn: string | null;
  orderOn: string | null;
  earlyPermanenceOn: string | null;
  link: Link | null;
};

/** Where a child who entered care on `enteredCareOn` has got to by AS_OF. */
export function planJourney(r: Random, calendar: PanelCalendar, enteredCareOn: string): Journey {
  const journey: Journey = { planOn: null, changeOn: null, orderOn: null, earlyPermanenceOn: null, link: null };
  if (!r.chance(0.7)) return journey;
  const planOn = byAsOf(addDays(enteredCareOn, r.int(60, 300)));
  if (!planOn) return journey;
  journey.planOn = planOn;
  if (r.chance(0.06)) {
    journey.changeOn = byAsOf(addDays(planOn, r.int(30, 400)));
    return journey;
  }
  if (r.chance(0.04)) {
    // Early permanence: linked with dually approved carers, placed with them, then authority to place.
    const proposedOn = byAsOf(addDays(planOn, r.int(5, 30)));
    if (!proposedOn) return journey;
    journey.earlyPermanenceOn = byAsOf(addDays(proposedOn, r.int(1, 14)));
    journey.orderOn = journey.earlyPermanenceOn && byAsOf(addDays(journey.earlyPermanenceOn, r.int(20, 150)));
    journey.link = planLink(r, calendar, proposedOn, journey.orderOn, false);
    return journey;
  }
  if (!r.chance(0.5)) return journey;
  journey.orderOn = byAsOf(addDays(planOn, r.int(20, 200)));
  if (journey.orderOn && r.chance(0.25)) {
    const proposedOn = byAsOf(addDays(journey.orderOn, r.int(14, 240)));
    if (proposedOn) journey.link = planLink(r, calendar, proposedOn, journey.orderOn, true);
  }
  return journey;
}

/** A link proposed on `proposedOn`, taken to panel once authority to place exists (`orderOn`). */
function planLink(r: Random, calendar: PanelCalendar, proposedOn: string, orderOn: string | null, mayDisrupt: boolean): Link {
  const link: Link = { proposedOn, meeting: null, decidedOn: null, placedOn: null, adoptedOn: null, withdrawnOn: null, disruption: null };
  if (mayDisrupt && r.chance(0.05)) {
    link.withdrawnOn = byAsOf(addDays(proposedOn, r.int(5, 30)));
    return link;
  }
  if (!orderOn) return link;
  const meeting = calendar.firstOnOrAfter(addDays(orderOn > proposedOn ? orderOn : proposedOn, r.int(14, 45)));
  if (!meeting || meeting.papersOn > AS_OF) return link;
  link.meeting = meeting;
  link.decidedOn = meeting.on < AS_OF ? byAsOf(addDays(meeting.on, r.int(1, 21))) : null;
  link.placedOn = link.decidedOn && byAsOf(addDays(link.decidedOn, r.int(7, 45)));
  if (!link.placedOn) return link;
  if (mayDisrupt && r.chance(0.03)) {
    const disruptedOn = byAsOf(addDays(link.placedOn, r.int(14, 69)));
    if (disruptedOn) {
      link.disruption = { on: disruptedOn, meetingOn: earlierOf(addDays(disruptedOn, r.int(1, 28)), laterOf(AS_OF, disruptedOn)) };
      return link;
    }
  }
  link.adoptedOn = byAsOf(addDays(link.placedOn, r.int(70, 300)));
  return link;
}

export function statusOf(link: Link): MatchStatus {
  if (link.adoptedOn) return 'ADOPTED';
  if (link.disruption) return 'DISRUPTED';
  if (link.placedOn) return 'PLACED';
  if (link.decidedOn) return 'APPROVED';
  if (link.meeting && link.meeting.on <= AS_OF) return 'RECOMMENDED';
  return link.withdrawnOn ? 'WITHDRAWN' : 'PROPOSED';
}

export function stageOf({ planOn, changeOn, orderOn, earlyPermanenceOn, link }: Journey): ChildStage {
  if (changeOn) return 'PLAN_CHANGED';
  if (!planOn) return 'CONSIDERING_ADOPTION';
  if (link) {
    const status = statusOf(link);
    // Placed with early-permanence carers and awaiting authority to place.
    if (earlyPermanenceOn && !orderOn && status === 'PROPOSED') return 'EARLY_PERMANENCE';
    return STAGE_OF_MATCH[status];
  }
  return orderOn ? 'AUTHORITY_TO_PLACE' : 'SHOULD_BE_PLACED';
}

/** The stages a link moves its household through after approval. */
export function householdStages(link: Link): StageEvent[] {
  const events: StageEvent[] = [];
  if (link.decidedOn) events.push({ stage: 'MATCHED', on: link.decidedOn, reason: null });
  if (link.placedOn) events.push({ stage: 'PLACED', on: link.placedOn, reason: null });
  if (link.disruption) events.push({ stage: 'APPROVED', on: link.disruption.on, reason: 'placement disrupted' });
  return events;
}
