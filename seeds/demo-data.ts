import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { AUTHORITIES } from '../src/authz/vocabulary';
import { IllustrativeCountRecord } from '../src/board/illustrative-count.entity';
import { AllocationRecord } from '../src/journey/allocation.entity';
import { ChildRecord } from '../src/journey/child.entity';
import { ChildRestrictionRecord } from '../src/journey/child-restriction.entity';
import { DisruptionRecord } from '../src/journey/disruption.entity';
import { EmergencyAccessRecord } from '../src/journey/emergency-access.entity';
import { PlacementOrderRecord } from '../src/journey/placement-order.entity';
import { PlacementRecord } from '../src/journey/placement.entity';
import { ChildDecisionRecord } from '../src/journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../src/households/household-decision.entity';
import { HouseholdStageEventRecord } from '../src/households/household-stage-event.entity';
import { HouseholdRecord } from '../src/households/household.entity';
import { MatchRecord } from '../src/journey/match.entity';
import { AgendaItemRecord } from '../src/panels/agenda-item.entity';
import { PanelMeetingRecord } from '../src/panels/panel-meeting.entity';
import { ReportQualityFeedbackRecord } from '../src/panels/report-quality-feedback.entity';
import { SupportAssessmentRecord } from '../src/support/support-assessment.entity';
import { SupportRequestRecord } from '../src/support/support-request.entity';
import { childTables } from './child-rows';
import { fillComingAgendas, openCurrentMatches } from './current-cases';
import { disruptPlacements } from './disruptions';
import { EARLY_PERMANENCE_ILLUSTRATIVE, placeInEarlyPermanence } from './early-permanence';
import { linkHouseholds } from './household-pool';
import { householdTables } from './household-rows';
import { HouseholdFactory } from './households';
import { planJourneys } from './journeys';
import { scheduleMatches } from './matches';
import { agendaBeingSetRows, agendaItemRows, meetingRows, PanelCalendar, reportFeedbackRows } from './panels';
import { seededRandom } from './random';
import { restrictedAccessTables } from './restricted-access';
import { supportTables } from './support';

/** The demo's history needs the published period complete and a year after it (current cases, withdrawals). */
export const EARLIEST_TODAY = '2022-06-01';

export type DemoTable = { entity: EntityTarget<ObjectLiteral>; rows: ObjectLiteral[] };

/**
 * The demo records as of `today`, in insertion order (references first). Pure and deterministic:
 * the same `today` gives the same records, ids included.
 */
export function generateDemoData(today: string): DemoTable[] {
  if (today < EARLIEST_TODAY) throw new Error(`the demo data needs a date on or after ${EARLIEST_TODAY}, not ${today}`);
  // Separate streams, so that a change in one part of the data leaves the others as they were.
  const ids = seededRandom(1);
  const journeyRandom = seededRandom(20201101);
  const recruitmentRandom = seededRandom(20201102);
  const identityRandom = seededRandom(20201103);

  const calendar = new PanelCalendar(ids, today);
  const journeys = AUTHORITIES.flatMap((authority) => planJourneys(journeyRandom, ids, authority, today));
  placeInEarlyPermanence(journeyRandom, journeys, today);
  scheduleMatches(journeyRandom, ids, journeys, calendar);
  disruptPlacements(journeyRandom, ids, journeys, calendar);
  openCurrentMatches(journeyRandom, ids, journeys, calendar);

  const factory = new HouseholdFactory(recruitmentRandom, ids, calendar);
  const households = factory.recruit();
  fillComingAgendas(recruitmentRandom, factory, calendar, households);
  households.push(...linkHouseholds(recruitmentRandom, factory, journeys, households));

  const child = childTables(identityRandom, ids, journeys, today);
  const household = householdTables(identityRandom, ids, households, today);
  const support = supportTables(seededRandom(20201104), ids, today);
  const restricted = restrictedAccessTables(seededRandom(20201106), child.children, child.allocations, today);
  const table = <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[]): DemoTable => ({ entity, rows });
  return [
    table(PanelMeetingRecord, [...meetingRows(calendar), ...agendaBeingSetRows(seededRandom(20201105), calendar)]),
    table(ChildRecord, child.children),
    table(HouseholdRecord, household.households),
    table(HouseholdStageEventRecord, household.events),
    table(HouseholdDecisionRecord, household.decisions),
    table(MatchRecord, child.matches),
    table(AllocationRecord, child.allocations),
    table(ChildDecisionRecord, child.decisions),
    table(PlacementOrderRecord, child.placementOrders),
    table(PlacementRecord, child.placements),
    table(DisruptionRecord, child.disruptions),
    table(ChildRestrictionRecord, restricted.restrictions),
    table(EmergencyAccessRecord, restricted.emergencyAccesses),
    table(AgendaItemRecord, agendaItemRows(identityRandom, ids, [...child.agenda, ...household.agenda])),
    table(ReportQualityFeedbackRecord, reportFeedbackRows(identityRandom, today)),
    table(SupportRequestRecord, support.requests),
    table(SupportAssessmentRecord, support.assessments),
    table(IllustrativeCountRecord, [EARLY_PERMANENCE_ILLUSTRATIVE]),
  ];
}
