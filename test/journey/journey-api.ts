import type { DataSource } from 'typeorm';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import { ChildRecord } from '../../src/journey/child.entity';
import { DisruptionRecord } from '../../src/journey/disruption.entity';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { PlacementRecord } from '../../src/journey/placement.entity';
import { ChildDecisionRecord } from '../../src/journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../../src/households/household-decision.entity';
import { HouseholdStageEventRecord } from '../../src/households/household-stage-event.entity';
import { HouseholdRecord } from '../../src/households/household.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import { AgendaItemRecord } from '../../src/panels/agenda-item.entity';
import { ReportQualityFeedbackRecord } from '../../src/panels/report-quality-feedback.entity';
import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import type { ConflictReason } from '../../src/graphql/errors';
import { answerWhereRefused, type GraphQLResponse, type TestApi } from '../helpers/test-api';

/** The operations and expectations the journey tests share: GraphQL documents, refusal rows, "nothing written". */

export const CHILD_JOURNEY = `id authority stage version firstName lastName dateOfBirth nhsNumber ethnicity healthNeeds
  birthFamilyBackground ageInYears redactedFields enteredCareOn adoptionPlanDecidedOn placementOrderGrantedOn
  earlyPermanencePlacedOn matchedOn placedOn adoptionOrderGrantedOn planChangedOn planChangeReason disruptedOn
  familyFinder { id } decisions { kind outcome decidedOn rationale matchId rescindedOn }
  placementOrder { basis grantedOn } placements { kind householdId matchId placedOn movedInOn convertedOn endedOn }
  matches { id status householdId } disruptions { disruptedOn meetingOn reason }`;

export const MATCH = `id childId householdId authority status proposedOn approvedOn version`;

export const HOUSEHOLD = `id reference stage stageEnteredOn approvedOn version applicantFirstNames redactedFields
  stageHistory { stage enteredOn reason } decisions { outcome decidedOn rationale }`;

export const AGENDA_ITEM = `id meetingId panelId meetingOn windowClosesOn kind householdId matchId childId
  recommendation reasons version`;

export const SUPPORT_REQUEST = `id authority familyName summary receivedOn adviceLineCallOn outcome version
  assessment { completedOn outcome notes supportRequestId }`;

/** The document of mutation `name`, taking its input as `$input` and selecting `selection` of what it returns. */
export const mutation = (name: string, selection: string) =>
  `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} } }`;

/** Every mutation of the contract but createChild, each returning what it changed. */
export const M = {
  updateChild: mutation('updateChild', CHILD_JOURNEY),
  recordAdoptionPlanDecision: mutation('recordAdoptionPlanDecision', CHILD_JOURNEY),
  allocateFamilyFinder: mutation('allocateFamilyFinder', CHILD_JOURNEY),
  recordEarlyPermanencePlacement: mutation('recordEarlyPermanencePlacement', CHILD_JOURNEY),
  recordPlacementOrder: mutation('recordPlacementOrder', CHILD_JOURNEY),
  proposeMatch: mutation('proposeMatch', MATCH),
  recordMatchDecision: mutation('recordMatchDecision', MATCH),
  recordPlacement: mutation('recordPlacement', CHILD_JOURNEY),
  recordAdoptionOrder: mutation('recordAdoptionOrder', CHILD_JOURNEY),
  recordPlanChange: mutation('recordPlanChange', CHILD_JOURNEY),
  recordDisruption: mutation('recordDisruption', CHILD_JOURNEY),
  createHousehold: mutation('createHousehold', HOUSEHOLD),
  advanceHouseholdStage: mutation('advanceHouseholdStage', HOUSEHOLD),
  withdrawHousehold: mutation('withdrawHousehold', HOUSEHOLD),
  decideHouseholdApproval: mutation('decideHouseholdApproval', HOUSEHOLD),
  scheduleAgendaItem: mutation('scheduleAgendaItem', AGENDA_ITEM),
  recordPanelRecommendation: mutation('recordPanelRecommendation', AGENDA_ITEM),
  recordReportQualityFeedback: mutation('recordReportQualityFeedback', 'id panelId period rating strengths improvements'),
  recordSupportRequest: mutation('recordSupportRequest', SUPPORT_REQUEST),
  recordSupportAssessment: mutation('recordSupportAssessment', 'id supportRequestId completedOn outcome notes'),
  recordAdviceLineCall: mutation('recordAdviceLineCall', SUPPORT_REQUEST),
  restrictRecord: mutation('restrictRecord', 'category reviewBy'),
  declareInterest: mutation('declareInterest', 'id'),
  reviewEmergencyAccess: mutation('reviewEmergencyAccess', 'id outcome'),
};

export const Q = {
  child: `query ($id: ID!) { child(id: $id) { ${CHILD_JOURNEY} } }`,
  match: `query ($id: ID!) { match(id: $id) { ${MATCH} } }`,
  household: `query ($id: ID!) { household(id: $id) { ${HOUSEHOLD} } }`,
  households: `query { households(first: 100) { totalCount edges { node { id } } } }`,
  children: `query { children(first: 100) { totalCount edges { node { id } } } }`,
  panelMeeting: `query ($id: ID!) { panelMeeting(id: $id) { id meetingOn agendaItems { ${AGENDA_ITEM} } } }`,
  panels: `query { panels { id reportQualityFeedback { period rating } } }`,
  supportRequest: `query ($id: ID!) { supportRequest(id: $id) { ${SUPPORT_REQUEST} } }`,
};

const RECORDS = [
  ChildRecord,
  AllocationRecord,
  ChildDecisionRecord,
  PlacementOrderRecord,
  PlacementRecord,
  DisruptionRecord,
  MatchRecord,
  HouseholdRecord,
  HouseholdStageEventRecord,
  HouseholdDecisionRecord,
  AgendaItemRecord,
  ReportQualityFeedbackRecord,
  SupportRequestRecord,
  SupportAssessmentRecord,
];

/** Every row of every casework table, hashed: equal before and after a request means it wrote nothing. */
export async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const record of RECORDS) {
    const table = dataSource.getMetadata(record).tableName;
    const [row] = await dataSource.query(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS hash FROM "${table}" t`,
    );
    result[table] = row.hash;
  }
  return result;
}

export type RefusalCode = 'NOT_FOUND' | 'FORBIDDEN';
/** One row of a refusal table: the rule it proves, who tries, the code and (for FORBIDDEN) the stable reason. */
export type Refusal = [rule: string, username: string, code: RefusalCode, reason?: string];

/** A row: `username` may see the record but not take the action (FORBIDDEN with `reason`). */
export const forbidden = (rule: string, username: string, reason: string): Refusal => [
  `${rule} (FORBIDDEN ${reason})`,
  username,
  'FORBIDDEN',
  reason,
];

/** A row: the record is out of `username`'s reach (NOT_FOUND, exactly as for a missing one). */
export const notFound = (rule: string, username: string): Refusal => [`${rule} (NOT_FOUND)`, username, 'NOT_FOUND'];

/**
 * The request is refused with `code` (and `reason`); NOT_FOUND never carries a reason. A refused mutation answers no
 * data; a refused lookup answers null at its own path, beside whatever else was asked.
 */
export function expectRefused(response: GraphQLResponse, code: RefusalCode, reason?: string): void {
  expect(answerWhereRefused(response)).toBeNull();
  const extensions = response.errors?.[0]?.extensions;
  expect(extensions?.code).toBe(code);
  if (code === 'NOT_FOUND') expect(extensions?.reason).toBeUndefined();
  if (reason) expect(extensions?.reason).toBe(reason);
}

/** Sends `query` as `username`, expects the refusal, and finds the database exactly as before. */
export async function expectRefusedWithoutWrites(
  api: TestApi,
  username: string,
  query: string,
  variables: Record<string, unknown>,
  code: RefusalCode,
  reason?: string,
): Promise<void> {
  const before = await fingerprint(api.dataSource);
  expectRefused(await api.as(username)(query, variables), code, reason);
  expect(await fingerprint(api.dataSource)).toEqual(before);
}

/**
 * One test a row of `refusals`, named by its rule: each actor sends `query` with `variables()` (read when the
 * test runs, after the fixtures) and is refused, and nothing is written.
 */
export function itRefusesWithoutWrites(
  api: () => TestApi,
  refusals: Refusal[],
  query: string,
  variables: () => Record<string, unknown>,
): void {
  // Rows of two: jest would take a fourth parameter missing from a NOT_FOUND row for a `done` callback.
  const rows = refusals.map((row) => [row[0], row] as const);
  it.each(rows)('%s', (_rule, [, username, code, reason]) => expectRefusedWithoutWrites(api(), username, query, variables(), code, reason));
}

/** Sends `query` as `username`, expects BAD_USER_INPUT naming `field` (or one of `field`), and nothing written. */
export async function expectInvalidWithoutWrites(
  api: TestApi,
  username: string,
  query: string,
  variables: Record<string, unknown>,
  field: string | string[],
  rule?: RegExp,
): Promise<void> {
  const before = await fingerprint(api.dataSource);
  const { data, errors } = await api.as(username)(query, variables);
  expect(data).toBeNull();
  expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  expect([field].flat()).toContain(errors?.[0]?.extensions.field);
  if (rule) expect(errors?.[0]?.message).toMatch(rule);
  expect(await fingerprint(api.dataSource)).toEqual(before);
}

/** Sends `query` as `username`, expects CONFLICT with `reason`, and nothing written. */
export async function expectConflictWithoutWrites(
  api: TestApi,
  username: string,
  query: string,
  variables: Record<string, unknown>,
  reason: ConflictReason,
): Promise<void> {
  const before = await fingerprint(api.dataSource);
  const { data, errors } = await api.as(username)(query, variables);
  expect(data).toBeNull();
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason });
  expect(await fingerprint(api.dataSource)).toEqual(before);
}

/** The roles without casework (docs/domain.md, "The roles"): FORBIDDEN before any lookup of a child or a household. */
export function noCasework(doing: string): Refusal[] {
  return [
    forbidden(`a support worker cannot ${doing}: support sees no adoption case record`, 'support.1', 'ROLE_MAY_NOT_READ'),
    forbidden(`the Bexley board director cannot ${doing}`, 'board.bexley', 'ROLE_MAY_NOT_READ'),
    forbidden(`the Kent board director cannot ${doing}`, 'board.kent', 'ROLE_MAY_NOT_READ'),
    forbidden(`the Medway board director cannot ${doing}`, 'board.medway', 'ROLE_MAY_NOT_READ'),
    forbidden(`the auditor cannot ${doing}`, 'auditor.1', 'ROLE_MAY_NOT_READ'),
  ];
}

/** The roles that may never read a child: no casework, or households only (the partnership ADM). */
export function neverReadChildren(doing: string): Refusal[] {
  return [
    forbidden(`the partnership ADM cannot ${doing}: it reads households, not children`, 'adm.raa', 'ROLE_MAY_NOT_READ'),
    ...noCasework(doing),
  ];
}

/**
 * Everyone but the Kent PPM lead, trying a step the PPM lead records on a Kent child allocated to finder.1
 * (docs/domain.md, "Who records what"): who sees the child is refused the step, everyone else finds no child.
 */
export function ppmStepRefusals(doing: string): Refusal[] {
  return [
    forbidden(`a Kent ADM cannot ${doing} for a Kent child: the PPM lead records it`, 'adm.kent', 'ROLE_MAY_NOT_RECORD'),
    forbidden(`the allocated family finder cannot ${doing}`, 'finder.1', 'ROLE_MAY_NOT_RECORD'),
    notFound(`a Medway PPM lead cannot ${doing} for a Kent child`, 'ppm.medway'),
    notFound(`a Bexley PPM lead cannot ${doing} for a Kent child`, 'ppm.bexley'),
    notFound(`a Medway ADM cannot ${doing} for a Kent child`, 'adm.medway'),
    notFound(`a family finder not allocated to the child cannot ${doing}`, 'finder.2'),
    notFound(`a panel chair with the child on no agenda cannot ${doing}`, 'panel.1'),
    notFound(`a panel adviser with the child on no agenda cannot ${doing}`, 'adviser.2'),
    ...neverReadChildren(doing),
  ];
}
