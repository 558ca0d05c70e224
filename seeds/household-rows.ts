import type { Authority } from '../src/authz/vocabulary';
import type { HouseholdDecisionRecord } from '../src/households/household-decision.entity';
import type { HouseholdStageEventRecord } from '../src/households/household-stage-event.entity';
import type { HouseholdRecord } from '../src/households/household.entity';
import { addDays } from './calendar';
import { demoStaff } from './demo-staff';
import { fakeHouseholdIdentity } from './fake-identities';
import type { HouseholdPlan, StageEvent } from './households';
import type { AgendaEntry } from './panels';
import type { Random } from './random';

/** Where households live: most in Kent, the largest authority; some outside the three. */
const HOME_AUTHORITIES: (Authority | null)[] = ['KENT', 'KENT', 'KENT', 'KENT', 'KENT', 'MEDWAY', 'BEXLEY', null];
const DECISION_RATIONALES = {
  APPROVED: 'Panel recommendation accepted: the applicants are suitable to adopt.',
  NOT_APPROVED: 'Panel recommendation accepted: the assessment does not show suitability to adopt.',
} as const;

/** Households with their stage history (recruitment, then links, placements, withdrawal), decisions and panel items. */
export function householdTables(random: Random, ids: Random, households: HouseholdPlan[], today: string) {
  const tables = {
    households: [] as Partial<HouseholdRecord>[],
    events: [] as Partial<HouseholdStageEventRecord>[],
    decisions: [] as Partial<HouseholdDecisionRecord>[],
    agenda: [] as AgendaEntry[],
  };
  const raa = demoStaff('adm.raa').id;
  for (const household of households) {
    const finder = demoStaff(random.pick(['finder.1', 'finder.2'])).id;
    const events = [...household.events, ...laterEvents(random, household, today)];
    const current = events.at(-1)!;
    const homeAuthority = random.pick(HOME_AUTHORITIES);
    tables.households.push({
      id: household.id,
      reference: `H-${household.enquiryOn.slice(0, 4)}-${household.id.slice(0, 8).toUpperCase()}`,
      stage: current.stage,
      stageEnteredOn: current.on,
      homeAuthority,
      ...fakeHouseholdIdentity(random, homeAuthority, household.enquiryOn),
      dbsOutcome: events.some((e) => e.stage === 'STAGE_2') ? 'clear' : null,
      earlyPermanence: household.earlyPermanence,
      fastTrack: household.fastTrack,
      enquiryOn: household.enquiryOn,
      approvedOn: household.approvedOn,
      approvingAgency: household.approvingAgency,
      createdBy: finder,
    });
    for (const event of events) {
      const byAdm = (event.stage === 'APPROVED' || event.stage === 'NOT_APPROVED') && !household.approvingAgency;
      tables.events.push({
        id: ids.uuid(),
        householdId: household.id,
        stage: event.stage,
        enteredOn: event.on,
        reason: event.reason,
        recordedBy: byAdm ? raa : finder,
      });
    }
    if (household.decision) {
      const { outcome, on } = household.decision;
      tables.decisions.push({
        id: ids.uuid(),
        householdId: household.id,
        outcome,
        decidedOn: on,
        rationale: DECISION_RATIONALES[outcome],
        decidedBy: raa,
      });
    }
    if (household.panel) {
      const { meeting, recommendation } = household.panel;
      tables.agenda.push({ meeting, kind: 'ADOPTER_APPROVAL', householdId: household.id, match: null, recommendation });
    }
  }
  return tables;
}

/**
 * After approval, as the API moves a household: matched and placed with a child; back to approved when
 * the placement disrupts (these families then withdrew); withdrawn after a year's review without a link.
 */
function laterEvents(random: Random, household: HouseholdPlan, today: string): StageEvent[] {
  const events: StageEvent[] = [];
  const event = (stage: StageEvent['stage'], on: string, reason: string | null = null) => {
    if (on <= today) events.push({ stage, on, reason });
  };
  for (const match of household.matches) {
    if (match.decidedOn) event('MATCHED', match.decidedOn);
    if (match.placedOn) event('PLACED', match.placedOn);
    if (match.disruption) {
      event('APPROVED', match.disruption.on, 'placement disrupted');
      event('WITHDRAWN', addDays(match.disruption.meetingOn, random.int(30, 120)), 'Withdrew after the placement disrupted');
    }
  }
  if (household.withdrawOn) event('WITHDRAWN', household.withdrawOn, 'Withdrew after the approval review: no link within a year');
  return events;
}
