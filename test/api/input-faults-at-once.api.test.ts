import { randomUUID } from 'node:crypto';
import { demoStaff } from '../../seeds/demo-staff';
import type { MutationName } from '../../src/authz/mutation-access';
import { NOTE_LENGTH } from '../../src/graphql/input-fields';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { insertChild } from '../helpers/factories';
import {
  insertAgendaItem,
  insertChildAt,
  insertHousehold,
  insertPanelMeeting,
  insertSupportRequest,
  panelId,
} from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { mutation } from '../journey/journey-api';

/**
 * Every mutation tells a form of every fault of its input in one BAD_USER_INPUT: the input class's rules (presence,
 * lengths, ranges, text blank to the eye) and the step's own rules of the input (dates not in the future, one date
 * against another, ids, one value against another) together, once the policy lets the caller act. One row a mutation;
 * each breaks two rules or more, where its input has two. Today is 20 November 2026 (UK).
 */
const TODAY = '2026-11-20';
const YESTERDAY = '2026-11-19';
const TOMORROW = '2026-11-21';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

const BLANK = ' \u200B ';
const NOT_AN_ID = 'not-an-id';
const staffId = (username: string) => demoStaff(username).id;
const kentChild = async () => ({ childId: (await insertChild(db(), 'KENT')).id });

/** A mutation sent as `as`, with an input breaking rules of `fields`, described by `breaking`. */
type Row = { as: string; breaking: string; input: () => Promise<Record<string, unknown>>; fields: string[] };

const ROWS: Record<MutationName, Row> = {
  createChild: {
    as: 'ppm.kent',
    breaking: 'a blank first name and an entry into care tomorrow',
    input: async () => ({ authority: 'KENT', firstName: BLANK, lastName: 'Smith', dateOfBirth: '2023-05-01', enteredCareOn: TOMORROW }),
    fields: ['firstName', 'enteredCareOn'],
  },
  updateChild: {
    as: 'ppm.kent',
    breaking: 'a blank first name and an NHS number of three digits',
    input: async () => ({ ...(await kentChild()), firstName: BLANK, nhsNumber: '123' }),
    fields: ['firstName', 'nhsNumber'],
  },
  recordAdoptionPlanDecision: {
    as: 'adm.kent',
    breaking: 'a blank rationale and a decision tomorrow',
    input: async () => ({ ...(await kentChild()), decidedOn: TOMORROW, rationale: BLANK }),
    fields: ['rationale', 'decidedOn'],
  },
  allocateFamilyFinder: {
    as: 'ppm.kent',
    breaking: 'a family finder id that is no id and an allocation tomorrow',
    input: async () => ({ ...(await kentChild()), familyFinderId: NOT_AN_ID, allocatedOn: TOMORROW }),
    fields: ['familyFinderId', 'allocatedOn'],
  },
  recordPlacementOrder: {
    as: 'ppm.kent',
    breaking: 'an order granted tomorrow',
    input: async () => ({ ...(await kentChild()), grantedOn: TOMORROW }),
    fields: ['grantedOn'],
  },
  recordEarlyPermanencePlacement: {
    as: 'ppm.kent',
    breaking: 'a household id that is no id and the carers approved after the placement',
    input: async () => ({ ...(await kentChild()), householdId: NOT_AN_ID, placedOn: YESTERDAY, temporaryFosterCarerApprovalOn: TODAY }),
    fields: ['householdId', 'temporaryFosterCarerApprovalOn'],
  },
  proposeMatch: {
    as: 'finder.1',
    breaking: 'a household id that is no id and a link tomorrow',
    input: async () => {
      const { child } = await insertChildAt(db(), 'KENT', 'SHOULD_BE_PLACED');
      return { childId: child.id, householdId: NOT_AN_ID, proposedOn: TOMORROW };
    },
    fields: ['householdId', 'proposedOn'],
  },
  recordMatchDecision: {
    as: 'adm.kent',
    breaking: 'a blank rationale and a decision tomorrow',
    input: async () => {
      const { match } = await insertChildAt(db(), 'KENT', 'MATCH_RECOMMENDED');
      return { matchId: match!.id, outcome: 'APPROVED', decidedOn: TOMORROW, rationale: BLANK };
    },
    fields: ['rationale', 'decidedOn'],
  },
  recordPlacement: {
    as: 'ppm.kent',
    breaking: 'a placement tomorrow and a move-in after it',
    input: async () => ({ ...(await kentChild()), placedOn: TOMORROW, movedInOn: '2026-11-22' }),
    fields: ['placedOn', 'movedInOn'],
  },
  recordAdoptionOrder: {
    as: 'ppm.kent',
    breaking: 'an order granted tomorrow',
    input: async () => ({ ...(await kentChild()), grantedOn: TOMORROW }),
    fields: ['grantedOn'],
  },
  recordPlanChange: {
    as: 'ppm.kent',
    breaking: 'a blank reason and a change tomorrow',
    input: async () => ({ ...(await kentChild()), changedOn: TOMORROW, reason: BLANK }),
    fields: ['reason', 'changedOn'],
  },
  recordDisruption: {
    as: 'ppm.kent',
    breaking: 'a blank reason, a disruption tomorrow and its meeting before it',
    input: async () => ({ ...(await kentChild()), disruptedOn: TOMORROW, meetingOn: YESTERDAY, reason: BLANK }),
    fields: ['reason', 'disruptedOn', 'meetingOn'],
  },
  restrictRecord: {
    as: 'adm.kent',
    breaking: 'a blank reason, a named member of staff that is no id and a review today',
    input: async () => ({ ...(await kentChild()), category: 'HIGH_PROFILE', allowedStaffIds: [NOT_AN_ID], reason: BLANK, reviewBy: TODAY }),
    fields: ['reason', 'allowedStaffIds', 'reviewBy'],
  },
  requestEmergencyAccess: {
    as: 'ppm.kent',
    breaking: 'a child id that is no id and a blank reason',
    input: async () => ({ childId: NOT_AN_ID, reason: BLANK }),
    fields: ['reason', 'childId'],
  },
  reviewEmergencyAccess: {
    as: 'auditor.1',
    breaking: 'an id that is no id and a blank note',
    input: async () => ({ id: NOT_AN_ID, outcome: 'JUSTIFIED', note: BLANK }),
    fields: ['note', 'id'],
  },
  liftEmergencyAccessBar: {
    as: 'auditor.1',
    breaking: 'a member of staff id that is no id and a blank reason',
    input: async () => ({ staffId: NOT_AN_ID, reason: BLANK }),
    fields: ['reason', 'staffId'],
  },
  createHousehold: {
    as: 'finder.1',
    breaking: 'a blank first name, an enquiry tomorrow and the oldest child younger than the youngest',
    input: async () => ({
      applicants: [{ firstName: BLANK, lastName: 'Adeyemi', dateOfBirth: '1980-01-01' }],
      enquiryOn: TOMORROW,
      minChildAge: 5,
      maxChildAge: 3,
    }),
    fields: ['applicants.0.firstName', 'enquiryOn', 'maxChildAge'],
  },
  advanceHouseholdStage: {
    as: 'finder.1',
    breaking: 'a stage past recruitment and a day tomorrow',
    input: async () => ({ householdId: (await insertHousehold(db(), { stage: 'STAGE_1' })).id, stage: 'APPROVED', enteredOn: TOMORROW }),
    fields: ['stage', 'enteredOn'],
  },
  withdrawHousehold: {
    as: 'finder.1',
    breaking: 'a blank reason and a withdrawal tomorrow',
    input: async () => ({ householdId: (await insertHousehold(db(), { stage: 'STAGE_1' })).id, withdrawnOn: TOMORROW, reason: BLANK }),
    fields: ['reason', 'withdrawnOn'],
  },
  decideHouseholdApproval: {
    as: 'adm.raa',
    breaking: 'a blank rationale and a decision tomorrow',
    input: async () => ({
      householdId: (await insertHousehold(db(), { stage: 'PANEL' })).id,
      outcome: 'APPROVED',
      decidedOn: TOMORROW,
      rationale: BLANK,
    }),
    fields: ['rationale', 'decidedOn'],
  },
  scheduleAgendaItem: {
    as: 'adviser.1',
    breaking: 'a MATCH item naming no match',
    input: async () => ({ meetingId: (await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-12-15' })).id, kind: 'MATCH' }),
    fields: ['matchId'],
  },
  recordPanelRecommendation: {
    as: 'panel.1',
    breaking: 'blank reasons',
    input: async () => {
      const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-11-18' });
      const item = await insertAgendaItem(db(), { meeting, household: await insertHousehold(db(), { stage: 'PANEL' }) });
      return { agendaItemId: item.id, recommendation: 'POSITIVE', reasons: BLANK };
    },
    fields: ['reasons'],
  },
  declareInterest: {
    as: 'panel.1',
    breaking: 'an agenda item id that is no id and a blank reason',
    input: async () => ({ agendaItemId: NOT_AN_ID, reason: BLANK }),
    fields: ['reason', 'agendaItemId'],
  },
  recordReportQualityFeedback: {
    as: 'panel.1',
    breaking: 'a rating of 5, blank strengths and a half-year to come',
    input: async () => ({ panelId: panelId(1), period: '2027-H1', rating: 5, strengths: BLANK, improvements: 'shorter chronologies' }),
    fields: ['rating', 'strengths', 'period'],
  },
  recordSupportRequest: {
    as: 'support.1',
    breaking: 'a blank family name, a request received tomorrow and an outcome with no call',
    input: async () => ({ authority: 'KENT', familyName: BLANK, summary: 'school transition', receivedOn: TOMORROW, outcome: 'RESOLVED' }),
    fields: ['familyName', 'receivedOn', 'outcome'],
  },
  recordAdviceLineCall: {
    as: 'support.1',
    breaking: 'a call tomorrow',
    input: async () => ({
      supportRequestId: (await insertSupportRequest(db(), 'KENT', { adviceLineCallOn: null })).id,
      calledOn: TOMORROW,
    }),
    fields: ['calledOn'],
  },
  recordSupportAssessment: {
    as: 'support.1',
    breaking: 'notes over the length of a note and an assessment completed tomorrow',
    input: async () => ({
      supportRequestId: (await insertSupportRequest(db(), 'KENT')).id,
      completedOn: TOMORROW,
      outcome: 'SUPPORT_PLAN',
      notes: 'x'.repeat(NOTE_LENGTH + 1),
    }),
    fields: ['notes', 'completedOn'],
  },
  createStaffMember: {
    as: 'access.admin',
    breaking: 'a blank name, a username with capitals and spaces and an email with no @',
    input: async () => ({ username: 'New Colleague', displayName: BLANK, email: 'new.colleague' }),
    fields: ['displayName', 'username', 'email'],
  },
  deactivateStaffMember: {
    as: 'access.admin',
    breaking: 'themself and a blank reason',
    input: async () => ({ staffId: staffId('access.admin'), reason: BLANK }),
    fields: ['reason', 'staffId'],
  },
  grantRole: {
    as: 'access.admin',
    breaking: 'a blank reason, a PPM lead for no authority and a first day yesterday',
    input: async () => ({ staffId: staffId('finder.2'), role: 'PPM_LEAD', validFrom: YESTERDAY, reason: BLANK }),
    fields: ['reason', 'authority', 'validFrom'],
  },
  delegateRole: {
    as: 'access.admin',
    breaking: 'a covered role id that is no id, a blank reason and the last day before the first',
    input: async () => ({
      fromAssignmentId: NOT_AN_ID,
      toStaffId: staffId('finder.2'),
      validFrom: TOMORROW,
      validTo: TODAY,
      reason: BLANK,
    }),
    fields: ['reason', 'fromAssignmentId', 'validTo'],
  },
  endRole: {
    as: 'access.admin',
    breaking: 'a reason over 500 characters and a last day yesterday',
    input: async () => {
      const assignment = await db()
        .getRepository(RoleAssignmentRecord)
        .findOneByOrFail({ staffId: staffId('finder.2') });
      return { assignmentId: assignment.id, endsOn: YESTERDAY, reason: 'x'.repeat(501) };
    },
    fields: ['reason', 'endsOn'],
  },
};

const documentOf = (name: string) => mutation(name, '__typename');

const cases = (Object.entries(ROWS) as [MutationName, Row][]).map(
  ([name, row]) => [name, row.breaking, row.fields.join(', '), row] as const,
);

it.each(cases)('%s with %s names %s in one BAD_USER_INPUT', async (name, _breaking, _fields, { as, input, fields }) => {
  const { data, errors } = await api().as(as)(documentOf(name), { input: await input() });
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  const named = (errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field);
  expect([...named].sort()).toEqual([...fields].sort());
});

it('a faulty input from a role the policy refuses is refused by the policy, not the input: FORBIDDEN', async () => {
  const { input } = ROWS.recordDisruption;
  const { errors } = await api().as('adm.kent')(documentOf('recordDisruption'), { input: await input() });
  expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
});

it('a faulty input for a child out of reach is NOT_FOUND, as a missing child is', async () => {
  const { errors } = await api().as('ppm.medway')(documentOf('recordDisruption'), { input: await ROWS.recordDisruption.input() });
  const missing = await api().as('ppm.kent')(documentOf('recordDisruption'), {
    input: { ...(await ROWS.recordDisruption.input()), childId: randomUUID() },
  });
  expect(errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  expect(missing.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
});
