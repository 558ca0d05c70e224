import type { DataSource } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import { allFieldsOf, FIELD_CLASSES, type GuardedSubject } from '../../src/authz/field-classes';
import type { Authority, SubjectType } from '../../src/authz/vocabulary';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { DisruptionRecord } from '../../src/journey/disruption.entity';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { PlacementRecord } from '../../src/journey/placement.entity';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../../src/households/household-decision.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { ReportQualityFeedbackRecord } from '../../src/panels/report-quality-feedback.entity';
import { InterestDeclarationRecord } from '../../src/panels/interest-declaration.entity';
import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import {
  insertAgendaItem,
  insertChildAt,
  insertHousehold,
  insertPanelMeeting,
  insertSupportRequest,
  panelId,
  type FixtureStage,
  type JourneyOptions,
  type PanelNumber,
} from '../helpers/journey-factories';
import { answerWhereRefused, useTestApi, type GraphQLResponse } from '../helpers/test-api';
import {
  ALL_ROWS,
  checksOf,
  FIRST_NAME_AND_AGE,
  fixtureFor,
  fixtureKey,
  reasonOf,
  ROLE_TABLES,
  seesOf,
  TODAY,
  WINDOWS,
  type Check,
  type FieldView,
  type Fixture,
  type Scope,
} from '../policy/expectations';

/**
 * The role tables (test/policy/expectations) at the GraphQL boundary, as each demo member of staff. Every row's
 * record is seeded for its scope; reads must return it with exactly the row's field classes, or refuse in the
 * refusal order (docs/api-contract.md, "Refusal order"): FORBIDDEN (ROLE_MAY_NOT_READ) when the role may never
 * read the subject, else NOT_FOUND.
 * An allowed action succeeds on a record seeded for it; a refused one is refused in that order, by the
 * actor's read row for the record the mutation looks up: FORBIDDEN (ROLE_MAY_NOT_READ), NOT_FOUND, or FORBIDDEN
 * with the row's reason. Rows with no entry point (recording an advice-line call later, writing the access log,
 * reading feedback without a panel seat, breaking glass for someone else) are the ability suite's only.
 */
type Ids = Partial<Record<SubjectType | 'meeting' | 'period' | 'search', string>>;
type Data = Record<string, any>;
type CaseFixture = Extract<Fixture, { kind: 'case' }>;
type HouseholdFixture = Extract<Fixture, { kind: 'household' }>;
type StaffFixture = Extract<Fixture, { kind: 'staff' }>;
type EmergencyFixture = Extract<Fixture, { kind: 'emergency' }>;

const staffId = (username: string) => demoStaff(username).id;
const IDENTITY = { nhsNumber: '9434765919', sex: 'F', religion: 'none', disability: 'none', healthNeeds: 'asthma' };
const NOBODY = '00000000-0000-4000-8000-000000000000';

// --- fixtures: the records each scope needs, seeded once; an allowed action gets records of its own ---

async function seedCase(ds: DataSource, { authority, finder, link, agenda }: CaseFixture): Promise<Ids> {
  const stage = link === 'PLACED' ? 'PLACED' : 'LINKED';
  const journey = await insertChildAt(ds, authority, stage, { finder, child: IDENTITY });
  const childId = journey.child.id;
  const household = journey.household!;
  await ds.getRepository(HouseholdRecord).update(household.id, { religion: 'none' });
  const idOf = async (entity: new () => { id: string }, where: object) => (await ds.getRepository(entity).findOneByOrFail(where)).id;
  const ids: Ids = {
    Child: childId,
    Match: journey.match!.id,
    Household: household.id,
    ChildDecision: await idOf(ChildDecisionRecord, { childId, kind: 'ADOPTION_PLAN' }),
    Allocation: await idOf(AllocationRecord, { childId }),
    PlacementOrder: await idOf(PlacementOrderRecord, { childId }),
    HouseholdDecision: await idOf(HouseholdDecisionRecord, { householdId: household.id }),
  };
  if (journey.placement) {
    const placementId = journey.placement.id;
    const disruption = { authority, childId, placementId, disruptedOn: '2025-10-01', meetingOn: '2025-10-08' };
    const { identifiers } = await ds.getRepository(DisruptionRecord).insert({
      ...disruption,
      reason: 'the placement broke down',
      recordedBy: staffId(`ppm.${authority.toLowerCase()}`),
    });
    await ds.getRepository(PlacementRecord).update(placementId, { endedOn: '2025-10-01' });
    Object.assign(ids, { Placement: placementId, Disruption: identifiers[0]!.id });
  }
  if (agenda) {
    const meeting = await insertPanelMeeting(ds, { panel: agenda.panel, ...WINDOWS[agenda.window] });
    const recommendation = recommendedBy(meeting);
    ids.AgendaItem = (await insertAgendaItem(ds, { meeting, match: journey.match!, recommendation })).id;
    ids.meeting = meeting.id;
  }
  return ids;
}

/** A placed child restricted whole by its ADM, naming the actor or not; or adopted, its record sealed. */
async function seedRestricted(ds: DataSource, { authority, category, naming }: Extract<Fixture, { kind: 'restricted' }>): Promise<Ids> {
  const ids = await seedCase(ds, { kind: 'case', authority, finder: 'finder.2', link: 'PLACED', agenda: null });
  if (category === 'ADOPTION') {
    await ds.query(`UPDATE family_finder_allocations SET ended_on = '2026-10-01' WHERE child_id = $1`, [ids.Child]);
    await ds.query(
      `UPDATE children SET stage = 'ADOPTED', adoption_order_granted_on = '2026-10-01', restriction_category = 'ADOPTION' WHERE id = $1`,
      [ids.Child],
    );
  } else {
    await ds.query(`UPDATE children SET restriction_category = $2 WHERE id = $1`, [ids.Child, category]);
  }
  const [{ id }] = await ds.query(
    `INSERT INTO child_restrictions (child_id, authority, category, allowed_staff_ids, reason, review_by, restricted_by)
     VALUES ($1, $2, $3, $4, 'known to the press', '2027-01-31', $5) RETURNING id`,
    [ids.Child, authority, category, naming ? [staffId(naming)] : [], staffId(`adm.${authority.toLowerCase()}`)],
  );
  return { ...ids, ChildRestriction: id };
}

async function seedHousehold(ds: DataSource, options: Parameters<typeof insertHousehold>[1]): Promise<string> {
  const household = await insertHousehold(ds, options);
  await ds.getRepository(HouseholdRecord).update(household.id, { religion: 'none' });
  return household.id;
}

/** The panel has recommended once its meeting is held. */
const recommendedBy = (meeting: { meetingOn: string }) => (meeting.meetingOn <= TODAY ? 'POSITIVE' : null);

/** A household at its stage, on its panel's agenda for approval if the fixture says (recommended once heard). */
async function seedHouseholdFixture(ds: DataSource, { stage, agenda, earlyPermanence }: HouseholdFixture): Promise<Ids> {
  const household = await insertHousehold(ds, { stage, earlyPermanence });
  await ds.getRepository(HouseholdRecord).update(household.id, { religion: 'none' });
  if (!agenda) return { Household: household.id };
  const meeting = await insertPanelMeeting(ds, { panel: agenda.panel, ...WINDOWS[agenda.window] });
  const item = await insertAgendaItem(ds, { meeting, household, recommendation: recommendedBy(meeting) });
  return { Household: household.id, AgendaItem: item.id, meeting: meeting.id };
}

async function seedSupportRequest(ds: DataSource, authority: CaseFixture['authority']): Promise<Ids> {
  const request = await insertSupportRequest(ds, authority);
  const { identifiers } = await ds.getRepository(SupportAssessmentRecord).insert({
    supportRequestId: request.id,
    authority,
    completedOn: '2026-10-10',
    outcome: 'SUPPORT_PLAN',
    recordedBy: staffId('support.1'),
  });
  return { SupportRequest: request.id, SupportAssessment: identifiers[0]!.id };
}

async function seed(ds: DataSource, fixture: Fixture): Promise<Ids> {
  switch (fixture.kind) {
    case 'case':
      return seedCase(ds, fixture);
    case 'household':
      return seedHouseholdFixture(ds, fixture);
    case 'panel': {
      const meeting = await insertPanelMeeting(ds, { panel: fixture.panel, ...WINDOWS.upcoming });
      const { identifiers } = await ds.getRepository(ReportQualityFeedbackRecord).insert({
        panelId: panelId(fixture.panel),
        period: '2025-H2',
        rating: 3,
        strengths: 'clear chronologies',
        improvements: 'more on contact',
        recordedBy: staffId('panel.1'),
      });
      const [Panel, ReportQualityFeedback] = [panelId(fixture.panel), identifiers[0]!.id];
      const item = await insertAgendaItem(ds, { meeting, household: await insertHousehold(ds, { stage: 'PANEL' }) });
      const declaration = await ds.getRepository(InterestDeclarationRecord).insert({
        agendaItemId: item.id,
        panelId: Panel,
        childAuthority: null,
        staffId: staffId('adviser.1'),
        reason: 'knows the applicants',
      });
      const InterestDeclaration = declaration.identifiers[0]!.id;
      return { Panel, PanelMeeting: meeting.id, meeting: meeting.id, ReportQualityFeedback, InterestDeclaration };
    }
    case 'support':
      return seedSupportRequest(ds, fixture.authority);
    case 'audit':
      return seedAuditEvent(ds, fixture.authority);
    case 'self': {
      const { id, displayName } = demoStaff(fixture.actor);
      const [{ id: assignment }] = await ds.query(`SELECT id FROM role_assignments WHERE staff_id = $1`, [id]);
      return { StaffMember: id, RoleAssignment: assignment, search: displayName };
    }
    case 'staff':
      return seedColleague(ds, fixture);
    case 'restricted':
      return seedRestricted(ds, fixture);
    case 'emergency':
      return seedEmergencyAccess(ds, fixture);
    case 'partnership':
      return {};
  }
}

/** A placed child of the fixture's authority allocated to finder.2, restricted whole by its ADM as the fixture says. */
async function seedEmergencyChild(ds: DataSource, { authority, category }: EmergencyFixture): Promise<Ids> {
  const childId = (await insertChildAt(ds, authority, 'PLACED', { finder: 'finder.2' })).child.id;
  if (category) {
    await ds.query(`UPDATE children SET restriction_category = $2 WHERE id = $1`, [childId, category]);
    await ds.query(
      `INSERT INTO child_restrictions (child_id, authority, category, reason, review_by, restricted_by)
       VALUES ($1, $2, $3, 'known to the press', '2027-01-31', $4)`,
      [childId, authority, category, staffId(`adm.${authority.toLowerCase()}`)],
    );
  }
  return { Child: childId };
}

/** The holder's emergency access, yesterday, to that child; none to a child restricted as STAFF_CONNECTED, which no one may have. */
async function seedEmergencyAccess(ds: DataSource, fixture: EmergencyFixture): Promise<Ids> {
  const ids = await seedEmergencyChild(ds, fixture);
  if (fixture.category === 'STAFF_CONNECTED') return ids;
  const [{ id }] = await ds.query(
    `INSERT INTO emergency_accesses (child_id, authority, staff_id, reason, granted_at, expires_at)
     VALUES ($1, $2, $3, 'the child went missing', '2026-11-19T20:00:00Z', '2026-11-20T00:00:00Z') RETURNING id`,
    [ids.Child, fixture.authority, staffId(fixture.holder)],
  );
  return { ...ids, EmergencyAccess: id };
}

const ROLE_DAYS: Record<StaffFixture['days'], [from: string, to: string | null]> = {
  today: ['2025-01-01', null],
  'ended yesterday': ['2025-01-01', '2026-11-19'],
  'from tomorrow': ['2026-11-21', null],
};

/** A colleague holding one role on the fixture's days, found in the directory by their name. */
async function seedColleague(ds: DataSource, { role, authority, panel, active, days }: StaffFixture): Promise<Ids> {
  const search = `Colleague ${(staffCount += 1)} of the directory`;
  const [{ id }] = await ds.query(
    `INSERT INTO staff (username, display_name, active, deactivated_on, deactivation_reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [`colleague${staffCount}`, search, active, active ? null : TODAY, active ? null : 'left the partnership'],
  );
  const [{ id: assignment }] = await ds.query(
    `INSERT INTO role_assignments (staff_id, role, authority, panel_id, panel_role, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [id, role, authority, panel && panelId(panel), panel ? 'MEMBER' : null, ...ROLE_DAYS[days]],
  );
  return { StaffMember: id, RoleAssignment: assignment, search };
}

/** An access-log event about a child of `authority`, as a read of it would write; its subject's id names it. */
async function seedAuditEvent(ds: DataSource, authority: Authority): Promise<Ids> {
  const [{ id }] = await ds.query(`SELECT gen_random_uuid() AS id`);
  await ds.query(`SELECT audit_append($1::jsonb)`, [
    JSON.stringify([
      {
        action: 'read',
        subjectType: 'Child',
        subjectIds: [id],
        fields: ['firstName'],
        reason: `authority ${authority}`,
        authorities: [authority],
      },
    ]),
  ]);
  return { AuditEvent: id };
}

const authorityOf = (fixture: Fixture) => ('authority' in fixture && fixture.authority) || 'KENT';

/** A child of the fixture's authority at `stage`, for an allowed step to change. */
function childAt(stage: FixtureStage, options: JourneyOptions = {}) {
  return async (ds: DataSource, fixture: Fixture): Promise<Ids> => {
    const journey = await insertChildAt(ds, authorityOf(fixture), stage, options);
    return { Child: journey.child.id, Match: journey.match?.id, Household: journey.household?.id };
  };
}

let period = 2018;
let staffCount = 0;

/** A member of staff with no role, for the access administrator to act on. */
async function insertStaffMember(ds: DataSource): Promise<string> {
  const n = (staffCount += 1);
  const [{ id }] = await ds.query(`INSERT INTO staff (username, display_name) VALUES ($1, $2) RETURNING id`, [
    `starter${n}`,
    `Starter ${n}`,
  ]);
  return id;
}

// --- entry points ---

type Read = {
  /** one: the subject's own lookup; list: a list of it (or its aggregates); nested: inside a record that holds it. */
  kind: 'one' | 'list' | 'nested';
  query: string;
  variables?: (ids: Ids) => Record<string, unknown>;
  shows: (data: Data, ids: Ids) => boolean;
};

/** The classified fields each read selects (relations aside); the fixtures give every one a value. */
const SELECTED: Record<GuardedSubject, string[]> = {
  Child: [
    'firstName',
    'lastName',
    'dateOfBirth',
    'ageInYears',
    'nhsNumber',
    'sex',
    'ethnicity',
    'religion',
    'disability',
    'healthNeeds',
    'birthFamilyBackground',
  ],
  Household: ['applicants', 'applicantFirstNames', 'applicantAges', 'address', 'ethnicity', 'religion', 'healthNotes', 'dbsOutcome'],
};
const selection = (subject: GuardedSubject) =>
  `${SELECTED[subject].map((f) => (f === 'applicants' ? 'applicants { firstName }' : f)).join(' ')} redactedFields`;

const contains = (list: { id: string }[] | null | undefined, id?: string) => !!list?.some((x) => x.id === id);
const one = (field: string, selection: string, subject: SubjectType): Read => ({
  kind: 'one',
  query: `query ($id: ID!) { ${field}(id: $id) { id ${selection} } }`,
  variables: (ids) => ({ id: ids[subject] }),
  shows: (data, ids) => data[field]?.id === ids[subject],
});
const inChild = (selection: string, shows: (child: Data, ids: Ids) => boolean): Read => ({
  kind: 'nested',
  query: `query ($id: ID!) { child(id: $id) { id ${selection} } }`,
  variables: (ids) => ({ id: ids.Child }),
  shows: (data, ids) => !!data.child && shows(data.child, ids),
});
const inHousehold = (selection: string, shows: (household: Data, ids: Ids) => boolean): Read => ({
  kind: 'nested',
  query: `query ($id: ID!) { household(id: $id) { id ${selection} } }`,
  variables: (ids) => ({ id: ids.Household }),
  shows: (data, ids) => !!data.household && shows(data.household, ids),
});

const READS: Record<SubjectType, Read> = {
  Child: one('child', selection('Child'), 'Child'),
  ChildDecision: inChild('decisions { id }', (child, ids) => contains(child.decisions, ids.ChildDecision)),
  Allocation: inChild('familyFinder { id }', (child) => child.familyFinder != null),
  PlacementOrder: inChild('placementOrder { id }', (child, ids) => child.placementOrder?.id === ids.PlacementOrder),
  Placement: inChild('placements { id }', (child, ids) => contains(child.placements, ids.Placement)),
  Disruption: inChild('disruptions { id }', (child, ids) => contains(child.disruptions, ids.Disruption)),
  Match: one('match', 'status', 'Match'),
  Household: one('household', selection('Household'), 'Household'),
  HouseholdDecision: inHousehold('decisions { id }', (h, ids) => contains(h.decisions, ids.HouseholdDecision)),
  HouseholdStageEvent: inHousehold('stageHistory { stage }', (household) => household.stageHistory?.length > 0),
  Panel: { kind: 'list', query: '{ panels { id } }', shows: (data, ids) => contains(data.panels, ids.Panel) },
  PanelMeeting: one('panelMeeting', 'meetingOn', 'PanelMeeting'),
  AgendaItem: {
    kind: 'nested',
    query: 'query ($id: ID!) { panelMeeting(id: $id) { agendaItems { id } } }',
    variables: (ids) => ({ id: ids.meeting }),
    shows: (data, ids) => contains(data.panelMeeting?.agendaItems, ids.AgendaItem),
  },
  // Through the match of a case, or the household of a household's own item.
  PanelRecommendationView: {
    kind: 'nested',
    query: `query ($match: ID!, $household: ID!, $viaMatch: Boolean!) {
      match(id: $match) @include(if: $viaMatch) { panelRecommendation { agendaItemId recommendation reasons meetingOn } }
      household(id: $household) @skip(if: $viaMatch) { panelRecommendation { agendaItemId recommendation reasons meetingOn } }
    }`,
    variables: (ids) => ({ match: ids.Match ?? NOBODY, household: ids.Household ?? NOBODY, viaMatch: ids.Match !== undefined }),
    shows: (data, ids) => (data.match ?? data.household)?.panelRecommendation?.agendaItemId === ids.AgendaItem,
  },
  ChildRestriction: {
    kind: 'list',
    query: '{ restrictedRecords(first: 100) { edges { node { id } } } }',
    shows: (data, ids) => !!data.restrictedRecords?.edges.some((e: Data) => e.node.id === ids.ChildRestriction),
  },
  EmergencyAccess: {
    kind: 'list',
    query: '{ emergencyAccessReviews(first: 100) { edges { node { id } } } }',
    shows: (data, ids) => !!data.emergencyAccessReviews?.edges.some((e: Data) => e.node.id === ids.EmergencyAccess),
  },
  InterestDeclaration: {
    kind: 'nested',
    query: 'query ($id: ID!) { panelMeeting(id: $id) { agendaItems { declarations { id } } } }',
    variables: (ids) => ({ id: ids.meeting }),
    shows: (data, ids) => !!data.panelMeeting?.agendaItems.some((item: Data) => contains(item.declarations, ids.InterestDeclaration)),
  },
  ReportQualityFeedback: {
    kind: 'nested',
    query: '{ panels { reportQualityFeedback { id } } }',
    shows: (data, ids) => !!data.panels?.some((panel: Data) => contains(panel.reportQualityFeedback, ids.ReportQualityFeedback)),
  },
  SupportRequest: one('supportRequest', 'familyName', 'SupportRequest'),
  SupportAssessment: {
    kind: 'nested',
    query: 'query ($id: ID!) { supportRequest(id: $id) { assessment { id } } }',
    variables: (ids) => ({ id: ids.SupportRequest }),
    shows: (data, ids) => data.supportRequest?.assessment?.id === ids.SupportAssessment,
  },
  BoardPerformance: {
    kind: 'list',
    query: '{ boardPerformance(from: "2026-01", to: "2026-03") { byAuthority { authority } } }',
    shows: (data) => new Set(data.boardPerformance?.byAuthority.map((m: Data) => m.authority)).size === 3,
  },
  PooledBudget: {
    kind: 'list',
    query: '{ pooledBudget { financialYear } }',
    shows: (data) => Array.isArray(data.pooledBudget),
  },
  AuditEvent: {
    kind: 'list',
    query: 'query ($subjectId: ID) { auditEvents(first: 1, filter: { subjectId: $subjectId }) { totalCount } }',
    variables: (ids) => ({ subjectId: ids.AuditEvent ?? null }),
    // The log as a whole; or, where the fixture wrote one, the event about its child.
    shows: (data, ids) => (ids.AuditEvent ? data.auditEvents?.totalCount > 0 : typeof data.auditEvents?.totalCount === 'number'),
  },
  // The fixture's member of staff, found by their name in the directory; their role, on their entry.
  StaffMember: {
    kind: 'list',
    query: 'query ($search: String) { staffMembers(first: 100, filter: { search: $search }) { edges { node { id } } } }',
    variables: (ids) => ({ search: ids.search }),
    shows: (data, ids) => !!data.staffMembers?.edges.some((e: Data) => e.node.id === ids.StaffMember),
  },
  RoleAssignment: {
    kind: 'nested',
    query: 'query ($search: String) { staffMembers(first: 100, filter: { search: $search }) { edges { node { assignments { id } } } } }',
    variables: (ids) => ({ search: ids.search }),
    shows: (data, ids) => !!data.staffMembers?.edges.some((e: Data) => contains(e.node.assignments, ids.RoleAssignment)),
  },
};

type Write = {
  mutation: string;
  /**
   * The record the mutation finds first, under the actor's read policy (docs/api-contract.md, "Refusal order");
   * null for a new record.
   */
  lookup: SubjectType | null;
  input: (ids: Ids, fixture: Fixture) => Record<string, unknown>;
  /** Records an allowed action may change, in a state where it succeeds. */
  fresh?: (ds: DataSource, fixture: Fixture, actor: string, ids: Ids) => Promise<Ids>;
};

const CHILD_STEPS: Record<string, Write> = {
  allocateFamilyFinder: {
    mutation: 'allocateFamilyFinder',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, familyFinderId: staffId('finder.1'), allocatedOn: '2025-03-05' }),
    fresh: childAt('SHOULD_BE_PLACED', { finder: null }),
  },
  recordPlacementOrder: {
    mutation: 'recordPlacementOrder',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, grantedOn: '2025-06-02' }),
    fresh: childAt('SHOULD_BE_PLACED'),
  },
  recordEarlyPermanencePlacement: {
    mutation: 'recordEarlyPermanencePlacement',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, householdId: ids.Household, placedOn: '2025-07-07' }),
    fresh: async (ds, fixture) => {
      const household = await insertHousehold(ds, { earlyPermanence: true });
      return childAt('LINKED', { household, placementOrder: false })(ds, fixture);
    },
  },
  recordPlacement: {
    mutation: 'recordPlacement',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, placedOn: '2025-09-01' }),
    fresh: childAt('MATCHED'),
  },
  recordAdoptionOrder: {
    mutation: 'recordAdoptionOrder',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, grantedOn: '2026-01-15' }),
    fresh: childAt('PLACED'),
  },
  recordPlanChange: {
    mutation: 'recordPlanChange',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, changedOn: '2025-07-01', reason: 'returning to a parent' }),
    fresh: childAt('AUTHORITY_TO_PLACE'),
  },
  recordDisruption: {
    mutation: 'recordDisruption',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, disruptedOn: '2025-10-01', meetingOn: '2025-10-08', reason: 'it ended' }),
    fresh: childAt('PLACED'),
  },
};

const HOUSEHOLD_STEPS: Record<string, Write> = {
  advanceHouseholdStage: {
    mutation: 'advanceHouseholdStage',
    lookup: 'Household',
    input: (ids) => ({ householdId: ids.Household, stage: 'STAGE_2', enteredOn: '2025-03-01' }),
    fresh: async (ds) => ({ Household: await seedHousehold(ds, { stage: 'STAGE_1' }) }),
  },
  withdrawHousehold: {
    mutation: 'withdrawHousehold',
    lookup: 'Household',
    input: (ids) => ({ householdId: ids.Household, withdrawnOn: '2025-03-01', reason: 'they moved abroad' }),
    fresh: async (ds) => ({ Household: await seedHousehold(ds, { stage: 'STAGE_1' }) }),
  },
};

const WRITES: Record<string, Write> = {
  ...CHILD_STEPS,
  ...HOUSEHOLD_STEPS,
  'Child:create': {
    mutation: 'createChild',
    lookup: null,
    input: (_ids, fixture) => ({
      authority: authorityOf(fixture),
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '2023-05-01',
      enteredCareOn: '2024-02-12',
    }),
  },
  'Child:update': {
    mutation: 'updateChild',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, firstName: 'Renamed' }),
    fresh: childAt('SHOULD_BE_PLACED'),
  },
  'Child:record': CHILD_STEPS.recordPlanChange!,
  'Child:decide': {
    mutation: 'recordAdoptionPlanDecision',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, decidedOn: '2025-03-03', rationale: 'adoption is the plan' }),
    fresh: childAt('CONSIDERING_ADOPTION'),
  },
  'Child:restrict': {
    mutation: 'restrictRecord',
    lookup: 'Child',
    input: (ids) => ({
      childId: ids.Child,
      category: 'HIGH_PROFILE',
      allowedStaffIds: [staffId('support.1')],
      reason: 'known to the press',
      reviewBy: '2027-01-31',
    }),
    fresh: childAt('PLACED'),
  },
  'Child:propose': {
    mutation: 'proposeMatch',
    lookup: 'Child',
    input: (ids) => ({ childId: ids.Child, householdId: ids.Household, proposedOn: '2025-07-01' }),
    fresh: async (ds, fixture, actor) => ({
      ...(await childAt('AUTHORITY_TO_PLACE', { finder: actor })(ds, fixture)),
      Household: (await insertHousehold(ds)).id,
    }),
  },
  'Match:decide': {
    mutation: 'recordMatchDecision',
    lookup: 'Match',
    input: (ids) => ({ matchId: ids.Match, outcome: 'APPROVED', decidedOn: '2025-08-12', rationale: 'a good match' }),
    fresh: childAt('MATCH_RECOMMENDED'),
  },
  'Household:create': {
    mutation: 'createHousehold',
    lookup: null,
    input: () => ({
      applicants: [{ firstName: 'Sam', lastName: 'Adopter', dateOfBirth: '1985-04-02' }],
      enquiryOn: '2026-10-01',
    }),
  },
  'Household:update': HOUSEHOLD_STEPS.advanceHouseholdStage!,
  'Household:approve': {
    mutation: 'decideHouseholdApproval',
    lookup: 'Household',
    input: (ids) => ({ householdId: ids.Household, outcome: 'APPROVED', decidedOn: '2026-10-07', rationale: 'agreed' }),
    fresh: async (ds) => {
      const household = await insertHousehold(ds, { stage: 'PANEL' });
      const meeting = await insertPanelMeeting(ds, { panel: 3, meetingOn: '2026-10-06' });
      await insertAgendaItem(ds, { meeting, household, recommendation: 'POSITIVE' });
      return { Household: household.id };
    },
  },
  'AgendaItem:create': {
    mutation: 'scheduleAgendaItem',
    lookup: 'PanelMeeting',
    input: (ids) => ({ meetingId: ids.meeting, kind: 'ADOPTER_APPROVAL', householdId: ids.Household ?? NOBODY }),
    // The next meeting's papers are out, its agenda set: the adviser schedules onto the one after.
    fresh: async (ds, fixture) => ({
      meeting: (await insertPanelMeeting(ds, { panel: fixture.kind === 'panel' ? fixture.panel : 1, ...WINDOWS.unreleased })).id,
      Household: await seedHousehold(ds, { stage: 'PANEL' }),
    }),
  },
  'AgendaItem:recommend': {
    mutation: 'recordPanelRecommendation',
    lookup: 'AgendaItem',
    input: (ids) => ({ agendaItemId: ids.AgendaItem, recommendation: 'POSITIVE', reasons: 'the panel’s reasons' }),
    fresh: async (ds, fixture) => {
      const panel: PanelNumber = fixture.kind === 'case' && fixture.agenda ? fixture.agenda.panel : 1;
      const meeting = await insertPanelMeeting(ds, { panel, ...WINDOWS.open });
      const household = await insertHousehold(ds, { stage: 'PANEL' });
      return { AgendaItem: (await insertAgendaItem(ds, { meeting, household })).id };
    },
  },
  'AgendaItem:declare': {
    mutation: 'declareInterest',
    lookup: 'AgendaItem',
    input: (ids) => ({ agendaItemId: ids.AgendaItem, reason: 'knows the family' }),
    fresh: async (ds, fixture) => {
      const agenda = fixture.kind === 'case' && fixture.agenda ? fixture.agenda : { panel: 1 as PanelNumber, window: 'open' as const };
      const meeting = await insertPanelMeeting(ds, { panel: agenda.panel, ...WINDOWS[agenda.window] });
      const household = await insertHousehold(ds, { stage: 'PANEL' });
      return { AgendaItem: (await insertAgendaItem(ds, { meeting, household })).id };
    },
  },
  'ReportQualityFeedback:create': {
    mutation: 'recordReportQualityFeedback',
    lookup: 'Panel',
    input: (ids) => ({
      panelId: ids.Panel,
      period: ids.period ?? '2026-H1',
      rating: 3,
      strengths: 'clear chronologies',
      improvements: 'more on contact',
    }),
    fresh: async (_ds, _fixture, _actor, ids) => ({ ...ids, period: `${(period += 1)}-H1` }),
  },
  'SupportRequest:create': {
    mutation: 'recordSupportRequest',
    lookup: null,
    input: (_ids, fixture) => ({
      authority: authorityOf(fixture),
      familyName: 'Family',
      summary: 'school transition',
      receivedOn: '2026-10-01',
    }),
  },
  'StaffMember:create': {
    mutation: 'createStaffMember',
    lookup: null,
    input: () => {
      const n = (staffCount += 1);
      return { username: `new.starter${n}`, displayName: `New Starter ${n}`, email: `new.starter${n}@apse.example` };
    },
  },
  'StaffMember:update': {
    mutation: 'deactivateStaffMember',
    lookup: 'StaffMember',
    input: (ids) => ({ staffId: ids.StaffMember, reason: 'left the partnership' }),
    fresh: async (ds) => ({ StaffMember: await insertStaffMember(ds) }),
  },
  'RoleAssignment:create': {
    mutation: 'grantRole',
    lookup: null,
    input: (ids) => ({ staffId: ids.StaffMember ?? NOBODY, role: 'FAMILY_FINDER', validFrom: '2026-11-21', reason: 'joined the team' }),
    fresh: async (ds) => ({ StaffMember: await insertStaffMember(ds) }),
  },
  'RoleAssignment:update': {
    mutation: 'endRole',
    lookup: 'RoleAssignment',
    input: (ids) => ({ assignmentId: ids.RoleAssignment, endsOn: '2026-11-30', reason: 'moved on' }),
    fresh: async (ds) => {
      const staff = await insertStaffMember(ds);
      const [{ id }] = await ds.query(
        `INSERT INTO role_assignments (staff_id, role, valid_from) VALUES ($1, 'FAMILY_FINDER', '2026-01-01') RETURNING id`,
        [staff],
      );
      return { StaffMember: staff, RoleAssignment: id };
    },
  },
  'EmergencyAccess:create': {
    mutation: 'requestEmergencyAccess',
    lookup: null,
    input: (ids) => ({ childId: ids.Child, reason: 'the child went missing overnight' }),
    fresh: (ds, fixture) => seedEmergencyChild(ds, fixture as EmergencyFixture),
  },
  'EmergencyAccess:update': {
    mutation: 'reviewEmergencyAccess',
    lookup: 'EmergencyAccess',
    input: (ids) => ({ id: ids.EmergencyAccess, outcome: 'JUSTIFIED', note: 'the child was missing overnight' }),
    fresh: (ds, fixture) => seedEmergencyAccess(ds, fixture as EmergencyFixture),
  },
  'SupportAssessment:create': {
    mutation: 'recordSupportAssessment',
    lookup: 'SupportRequest',
    input: (ids) => ({ supportRequestId: ids.SupportRequest, completedOn: '2026-10-10', outcome: 'SUPPORT_PLAN' }),
    fresh: async (ds, fixture) => ({ SupportRequest: (await insertSupportRequest(ds, authorityOf(fixture))).id }),
  },
};

const mutationDocument = (name: string) =>
  `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { id } }`;

function writeOf({ row }: Check): Write | undefined {
  return WRITES[row.via ?? `${row.subject}:${row.action}`];
}

/**
 * A check the API can make: reads of feedback need a panel seat (they are read through the panels); the API breaks
 * glass for the caller alone, so someone else's emergency access has no entry point.
 */
function hasEntryPoint(check: Check): boolean {
  const { row } = check;
  const fixture = fixtureFor(where(check));
  if (row.action === 'create' && fixture.kind === 'emergency' && fixture.holder !== row.actor) return false;
  if (row.action !== 'read') return writeOf(check) !== undefined;
  return !(row.subject === 'ReportQualityFeedback' && check.allowed && !demoStaff(row.actor).assignments[0]!.panelId);
}

// --- expectations ---

const READ_CHECKS = ALL_ROWS.flatMap(checksOf).filter((check) => check.row.action === 'read');

/** The actor's read row for a subject in a scope: the refusal order (docs/api-contract.md) answers a refusal by it. */
function readOf(actor: string, subject: SubjectType, scope: Scope): { allowed: boolean; reason?: string } {
  const check = READ_CHECKS.find((c) => c.row.actor === actor && c.row.subject === subject && c.scope === scope);
  if (!check) throw new Error(`the tables need a row: may ${actor} read ${subject} '${scope}'?`);
  return { allowed: check.allowed, reason: reasonOf(check.row) };
}

/** Refused with `code`: FORBIDDEN always carries a reason (`reason`, when the row names it); NOT_FOUND never does. */
function expectRefused(response: GraphQLResponse, code: 'FORBIDDEN' | 'NOT_FOUND', reason?: string): void {
  expect(answerWhereRefused(response)).toBeNull();
  const extensions = response.errors?.[0]?.extensions;
  expect(extensions?.code).toBe(code);
  if (code === 'NOT_FOUND') expect(extensions?.reason).toBeUndefined();
  else expect(extensions?.reason).toEqual(reason ?? expect.any(String));
}

function fieldsOf(subject: GuardedSubject, views: FieldView[]): string[] {
  return views.flatMap((view) => (view === 'first name and age' ? FIRST_NAME_AND_AGE[subject] : FIELD_CLASSES[subject][view]));
}

function expectFields(node: Data, subject: GuardedSubject, views: FieldView[]): void {
  const visible = fieldsOf(subject, views);
  const hidden = allFieldsOf(subject).filter((field) => !visible.includes(field));
  expect([...node.redactedFields].sort()).toEqual(hidden.sort());
  const nulls = SELECTED[subject].filter((field) => node[field] === null);
  expect(nulls).toEqual(SELECTED[subject].filter((field) => hidden.includes(field)));
}

const seeded = new Map<string, Ids>();
const where = ({ row, scope }: Check) => ({ actor: row.actor, subject: row.subject, scope, authority: row.authority });
const CHECKS = ROLE_TABLES.map(({ role, rows }) => ({ role, checks: rows.flatMap(checksOf).filter(hasEntryPoint) }));

const api = useTestApi(async ({ dataSource }) => {
  for (const check of CHECKS.flatMap(({ checks }) => checks)) {
    const fixture = fixtureFor(where(check));
    const key = fixtureKey(fixture);
    if (!seeded.has(key)) seeded.set(key, await seed(dataSource, fixture));
  }
});

async function expectRead(check: Check, ids: Ids): Promise<void> {
  const { row, allowed } = check;
  const read = READS[row.subject];
  const response = await api().as(row.actor)(read.query, read.variables?.(ids));
  if (allowed) {
    expect(response.errors).toBeUndefined();
    expect(read.shows(response.data!, ids)).toBe(true);
    if (row.subject === 'Child' || row.subject === 'Household') {
      const node = response.data![row.subject === 'Child' ? 'child' : 'household'];
      expectFields(node, row.subject, seesOf(row) ?? []);
    }
    return;
  }
  const never = reasonOf(row) === 'ROLE_MAY_NOT_READ';
  if (read.kind === 'one' || (read.kind === 'list' && never)) {
    expectRefused(response, never ? 'FORBIDDEN' : 'NOT_FOUND', never ? 'ROLE_MAY_NOT_READ' : undefined);
  } else if (response.errors) {
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(response.errors[0]!.extensions.code);
  } else {
    expect(read.shows(response.data!, ids)).toBe(false);
  }
}

async function expectWrite(check: Check, fixture: Fixture, shared: Ids): Promise<void> {
  const { row, allowed, scope } = check;
  const write = writeOf(check)!;
  const ids = allowed && write.fresh ? await write.fresh(api().dataSource, fixture, row.actor, shared) : shared;
  const response = await api().as(row.actor)(mutationDocument(write.mutation), { input: write.input(ids, fixture) });
  if (allowed) {
    expect(response.errors).toBeUndefined();
    return;
  }
  const lookup = write.lookup ? readOf(row.actor, write.lookup, scope) : { allowed: true };
  if (lookup.allowed) return expectRefused(response, 'FORBIDDEN', reasonOf(row));
  const never = lookup.reason === 'ROLE_MAY_NOT_READ';
  expectRefused(response, never ? 'FORBIDDEN' : 'NOT_FOUND', never ? 'ROLE_MAY_NOT_READ' : undefined);
}

describe.each(CHECKS)('$role', ({ checks }) => {
  it.each(checks)('$name', async (check) => {
    const fixture = fixtureFor(where(check));
    const ids = seeded.get(fixtureKey(fixture))!;
    if (check.row.action === 'read') await expectRead(check, ids);
    else await expectWrite(check, fixture, ids);
  });
});
