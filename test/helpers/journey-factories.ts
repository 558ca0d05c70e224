import type { DataSource } from 'typeorm';
import { DEMO_PANEL_IDS, demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import type { ChildRecord } from '../../src/journey/child.entity';
import type { ChildStage } from '../../src/journey/child-stage';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { PlacementRecord } from '../../src/journey/placement.entity';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../../src/households/household-decision.entity';
import { HOUSEHOLD_STAGES, type HouseholdStage } from '../../src/households/household-stage';
import { HouseholdStageEventRecord } from '../../src/households/household-stage-event.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MatchRecord, type MatchStatus } from '../../src/journey/match.entity';
import { AgendaItemRecord, type AgendaItemKind, type PanelRecommendation } from '../../src/panels/agenda-item.entity';
import { PanelMeetingRecord } from '../../src/panels/panel-meeting.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import { insertChild } from './factories';

/**
 * Fixture records of the child's and the household's journeys, written straight to the database, each
 * consistent with the legal order of docs/domain.md ("The child's journey"). Dates default to a past timeline
 * well before the tests' clock.
 */

/** The default timeline of a child's journey (all before the default test clock, 2026-11-20). */
export const JOURNEY_DATES = {
  enteredCareOn: '2025-01-10',
  planDecidedOn: '2025-03-03',
  allocatedOn: '2025-03-04',
  placementOrderGrantedOn: '2025-06-02',
  proposedOn: '2025-07-01',
  earlyPermanencePlacedOn: '2025-07-07',
  panelOn: '2025-08-05',
  matchedOn: '2025-08-12',
  placedOn: '2025-09-01',
};

/** `date` (YYYY-MM-DD) moved by `days`. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type PanelNumber = 1 | 2 | 3 | 4;

export const panelId = (panel: PanelNumber): string => DEMO_PANEL_IDS[panel - 1];
const staffId = (username: string): string => demoStaff(username).id;
const ADVISER: Record<PanelNumber, string> = { 1: 'adviser.1', 2: 'adviser.2', 3: 'adviser.1', 4: 'adviser.2' };
const CHAIR: Record<PanelNumber, string> = { 1: 'panel.1', 2: 'chair.2', 3: 'panel.1', 4: 'chair.2' };

let sequence = 0;

/** The household journey up to placement, in order (the exits are not on the way). */
const HOUSEHOLD_PATH: readonly HouseholdStage[] = HOUSEHOLD_STAGES.slice(0, HOUSEHOLD_STAGES.indexOf('PLACED') + 1);

export type HouseholdOptions = {
  stage?: HouseholdStage;
  /** Dually approved (or seeking it) as adopters and foster carers. */
  earlyPermanence?: boolean;
  /** The day the household entered its current stage; earlier stages are a day apart before it. */
  stageEnteredOn?: string;
};

/** A household at `stage` (default APPROVED), with its stage history and, once approved, the ADM's decision. */
export async function insertHousehold(dataSource: DataSource, options: HouseholdOptions = {}): Promise<HouseholdRecord> {
  const { stage = 'APPROVED', earlyPermanence = false, stageEnteredOn = '2025-02-03' } = options;
  sequence += 1;
  const path: HouseholdStage[] = HOUSEHOLD_PATH.includes(stage)
    ? HOUSEHOLD_PATH.slice(0, HOUSEHOLD_PATH.indexOf(stage) + 1)
    : ['ENQUIRY', stage];
  const enteredOn = (i: number) => addDays(stageEnteredOn, i - (path.length - 1));
  const approvedAt = path.indexOf('APPROVED');
  const household = await dataSource.getRepository(HouseholdRecord).save(
    dataSource.getRepository(HouseholdRecord).create({
      reference: `H-TEST-${sequence}`,
      stage,
      stageEnteredOn,
      homeAuthority: 'KENT',
      applicants: [{ firstName: `Sam${sequence}`, lastName: 'Adopter', dateOfBirth: '1985-04-02' }],
      address: `${sequence} Test Street, Maidstone`,
      ethnicity: 'White British',
      healthNotes: 'none',
      dbsOutcome: 'clear',
      minChildAge: 0,
      maxChildAge: 10,
      maxSiblings: 2,
      needsTheyCanMeet: [],
      earlyPermanence,
      fastTrack: false,
      enquiryOn: enteredOn(0),
      approvedOn: approvedAt >= 0 ? enteredOn(approvedAt) : null,
      createdBy: staffId('finder.1'),
    }),
  );
  await dataSource.getRepository(HouseholdStageEventRecord).insert(
    path.map((s, i) => ({
      householdId: household.id,
      stage: s,
      enteredOn: enteredOn(i),
      recordedBy: staffId('finder.1'),
    })),
  );
  if (approvedAt >= 0) {
    await dataSource.getRepository(HouseholdDecisionRecord).insert({
      householdId: household.id,
      outcome: 'APPROVED',
      decidedOn: enteredOn(approvedAt),
      rationale: 'approved after panel',
      decidedBy: staffId('adm.raa'),
    });
  }
  return household;
}

/** The meeting of `panel` on `meetingOn` (papers released 7 days before unless given); one a panel a day. */
export async function insertPanelMeeting(
  dataSource: DataSource,
  options: { panel?: PanelNumber; meetingOn: string; papersReleasedOn?: string },
): Promise<PanelMeetingRecord> {
  const { panel = 1, meetingOn, papersReleasedOn = addDays(meetingOn, -7) } = options;
  const repository = dataSource.getRepository(PanelMeetingRecord);
  const existing = await repository.findOneBy({ panelId: panelId(panel), meetingOn });
  return existing ?? repository.save(repository.create({ panelId: panelId(panel), meetingOn, papersReleasedOn }));
}

export type AgendaItemOptions = {
  meeting: PanelMeetingRecord;
  /** A MATCH item names the match; any other kind names the household. */
  match?: MatchRecord;
  household?: HouseholdRecord;
  kind?: AgendaItemKind;
  recommendation?: PanelRecommendation | null;
};

/** A case on a meeting's agenda, scheduled by the panel's adviser, with the chair's recommendation if given. */
export async function insertAgendaItem(dataSource: DataSource, options: AgendaItemOptions): Promise<AgendaItemRecord> {
  const { meeting, match, household, recommendation = null } = options;
  const kind = options.kind ?? (match ? 'MATCH' : 'ADOPTER_APPROVAL');
  const panel = (DEMO_PANEL_IDS.indexOf(meeting.panelId as (typeof DEMO_PANEL_IDS)[number]) + 1) as PanelNumber;
  const repository = dataSource.getRepository(AgendaItemRecord);
  const saved = await repository.save(
    repository.create({
      meetingId: meeting.id,
      panelId: meeting.panelId,
      meetingOn: meeting.meetingOn,
      papersReleasedOn: meeting.papersReleasedOn,
      kind,
      householdId: match?.householdId ?? household!.id,
      matchId: match?.id ?? null,
      childId: match?.childId ?? null,
      childAuthority: match?.authority ?? null,
      recommendation,
      reasons: recommendation ? 'the panel’s reasons' : null,
      recommendedBy: recommendation ? staffId(CHAIR[panel]) : null,
      scheduledBy: staffId(ADVISER[panel]),
    }),
  );
  return repository.findOneByOrFail({ id: saved.id });
}

/** A call for adoption support from a family living in `authority`. */
export async function insertSupportRequest(
  dataSource: DataSource,
  authority: Authority,
  overrides: Partial<SupportRequestRecord> = {},
): Promise<SupportRequestRecord> {
  sequence += 1;
  const repository = dataSource.getRepository(SupportRequestRecord);
  return repository.save(
    repository.create({
      authority,
      familyName: `Family${sequence}`,
      summary: 'asks for help with school transition',
      receivedOn: '2026-10-01',
      adviceLineCallOn: '2026-10-05',
      outcome: null,
      recordedBy: staffId('support.1'),
      ...overrides,
    }),
  );
}

/** The stages `insertChildAt` builds (EARLY_PERMANENCE: linked and placed before authority to place). */
export type FixtureStage = Extract<
  ChildStage,
  | 'CONSIDERING_ADOPTION'
  | 'SHOULD_BE_PLACED'
  | 'EARLY_PERMANENCE'
  | 'AUTHORITY_TO_PLACE'
  | 'LINKED'
  | 'MATCH_RECOMMENDED'
  | 'MATCHED'
  | 'PLACED'
>;

/** How far along the journey each fixture stage is (early permanence and authority to place are alternatives). */
const STEP: Record<FixtureStage, number> = {
  CONSIDERING_ADOPTION: 0,
  SHOULD_BE_PLACED: 1,
  EARLY_PERMANENCE: 2,
  AUTHORITY_TO_PLACE: 2,
  LINKED: 3,
  MATCH_RECOMMENDED: 4,
  MATCHED: 5,
  PLACED: 6,
};

export type JourneyOptions = {
  /** The family finder allocated when the plan is decided (username); null for none. Default finder.1. */
  finder?: string | null;
  /** The household linked from LINKED on. Default: a new approved household (dually approved for early permanence). */
  household?: HouseholdRecord;
  /** Placed with the linked household before authority to place (no placement order, unless `placementOrder`). */
  earlyPermanence?: boolean;
  /** Whether authority to place is granted. Default: from AUTHORITY_TO_PLACE on, unless early permanence. */
  placementOrder?: boolean;
  /** The panel's recommendation on the MATCH item: at LINKED none unless given; POSITIVE from MATCH_RECOMMENDED on. */
  recommendation?: PanelRecommendation;
  /** The panel hearing the match (default 1), and the meeting's date (default JOURNEY_DATES.panelOn). */
  panel?: PanelNumber;
  meetingOn?: string;
  dates?: Partial<typeof JOURNEY_DATES>;
  child?: Partial<ChildRecord>;
};

export type ChildJourney = {
  child: ChildRecord;
  household?: HouseholdRecord;
  match?: MatchRecord;
  agendaItem?: AgendaItemRecord;
  placement?: PlacementRecord;
};

/**
 * A child of `authority` at `stage` with every record of the journey so far, consistent with each other:
 * the ADM's plan decision, the family finder's allocation, the placement order, the link with a household,
 * the panel's recommendation, the ADM's match decision, the placement; the child's milestone columns match.
 */
export async function insertChildAt(
  dataSource: DataSource,
  authority: Authority,
  stage: FixtureStage,
  options: JourneyOptions = {},
): Promise<ChildJourney> {
  const dates = { ...JOURNEY_DATES, ...options.dates };
  const reached = (s: FixtureStage) => STEP[stage] >= STEP[s];
  const earlyPermanence = options.earlyPermanence ?? stage === 'EARLY_PERMANENCE';
  const ordered = options.placementOrder ?? (reached('AUTHORITY_TO_PLACE') && !earlyPermanence);
  const linked = reached('LINKED') || stage === 'EARLY_PERMANENCE';
  const recommendation = options.recommendation ?? (reached('MATCH_RECOMMENDED') ? 'POSITIVE' : undefined);
  const adm = staffId(`adm.${authority.toLowerCase()}`);
  const ppm = staffId(`ppm.${authority.toLowerCase()}`);

  const milestones: Partial<ChildRecord> = {
    stage,
    enteredCareOn: dates.enteredCareOn,
    adoptionPlanDecidedOn: reached('SHOULD_BE_PLACED') ? dates.planDecidedOn : null,
    placementOrderGrantedOn: ordered ? dates.placementOrderGrantedOn : null,
    earlyPermanencePlacedOn: earlyPermanence ? dates.earlyPermanencePlacedOn : null,
    matchedOn: reached('MATCHED') ? dates.matchedOn : null,
    placedOn: reached('PLACED') ? dates.placedOn : null,
  };
  const child = await insertChild(dataSource, authority, { ...milestones, ...options.child });
  const of = { authority, childId: child.id };
  const journey: ChildJourney = { child };
  if (!reached('SHOULD_BE_PLACED')) return journey;

  await dataSource.getRepository(ChildDecisionRecord).insert({
    ...of,
    kind: 'ADOPTION_PLAN',
    outcome: 'APPROVED',
    decidedOn: dates.planDecidedOn,
    rationale: 'adoption is the plan',
    decidedBy: adm,
  });
  const finder = options.finder === undefined ? 'finder.1' : options.finder;
  if (finder) {
    await dataSource.getRepository(AllocationRecord).insert({
      ...of,
      familyFinderId: staffId(finder),
      allocatedOn: dates.allocatedOn,
      allocatedBy: ppm,
    });
  }
  if (ordered) {
    await dataSource.getRepository(PlacementOrderRecord).insert({
      ...of,
      basis: 'PLACEMENT_ORDER',
      grantedOn: dates.placementOrderGrantedOn,
      recordedBy: ppm,
    });
  }
  if (!linked) return journey;

  const householdStage: HouseholdStage = reached('PLACED') ? 'PLACED' : reached('MATCHED') ? 'MATCHED' : 'APPROVED';
  journey.household = options.household ?? (await insertHousehold(dataSource, { stage: householdStage, earlyPermanence }));
  const status: MatchStatus = reached('PLACED') ? 'PLACED' : reached('MATCHED') ? 'APPROVED' : linkStatus(recommendation);
  const matches = dataSource.getRepository(MatchRecord);
  journey.match = await matches.save(
    matches.create({
      ...of,
      householdId: journey.household.id,
      status,
      proposedOn: dates.proposedOn,
      proposedBy: staffId(finder ?? 'finder.1'),
      approvedOn: reached('MATCHED') ? dates.matchedOn : null,
    }),
  );
  if (earlyPermanence) {
    journey.placement = await insertPlacement(dataSource, journey, 'EARLY_PERMANENCE', dates.earlyPermanencePlacedOn, ppm);
  }
  if (recommendation) {
    const meeting = await insertPanelMeeting(dataSource, {
      panel: options.panel,
      meetingOn: options.meetingOn ?? dates.panelOn,
    });
    journey.agendaItem = await insertAgendaItem(dataSource, { meeting, match: journey.match, recommendation });
  }
  if (!reached('MATCHED')) return journey;

  await dataSource.getRepository(ChildDecisionRecord).insert({
    ...of,
    kind: 'MATCH',
    outcome: 'APPROVED',
    matchId: journey.match.id,
    decidedOn: dates.matchedOn,
    rationale: 'a good match',
    decidedBy: adm,
  });
  if (reached('PLACED')) {
    if (journey.placement) {
      await dataSource
        .getRepository(PlacementRecord)
        .update({ id: journey.placement.id }, { kind: 'ADOPTIVE', convertedOn: dates.placedOn });
      journey.placement = await dataSource.getRepository(PlacementRecord).findOneByOrFail({ id: journey.placement.id });
    } else {
      journey.placement = await insertPlacement(dataSource, journey, 'ADOPTIVE', dates.placedOn, ppm);
    }
  }
  return journey;
}

/** A link before the ADM's decision: recommended once the panel recommends it. */
function linkStatus(recommendation: PanelRecommendation | undefined): MatchStatus {
  return recommendation === 'POSITIVE' ? 'RECOMMENDED' : 'PROPOSED';
}

async function insertPlacement(
  dataSource: DataSource,
  journey: ChildJourney,
  kind: PlacementRecord['kind'],
  placedOn: string,
  recordedBy: string,
): Promise<PlacementRecord> {
  const repository = dataSource.getRepository(PlacementRecord);
  return repository.save(
    repository.create({
      childId: journey.child.id,
      authority: journey.child.authority,
      householdId: journey.household!.id,
      matchId: journey.match!.id,
      kind,
      placedOn,
      movedInOn: placedOn,
      recordedBy,
    }),
  );
}
