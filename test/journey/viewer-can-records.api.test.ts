import { demoStaff } from '../../seeds/demo-staff';
import type { HouseholdStage } from '../../src/households/household-stage';
import type { PanelRecommendation } from '../../src/panels/agenda-item.entity';
import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import type { AgendaItemKind } from '../../src/authz/vocabulary';
import {
  insertAgendaItem,
  insertChildAt,
  insertHousehold,
  insertPanelMeeting,
  insertSupportRequest,
  type FixtureStage,
} from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { M } from './journey-api';
import { compareWithMutations, viewerCanAsking, type Subject } from './viewer-can-table';

/**
 * The `viewerCan` of matches, agenda items, households, support requests and emergency accesses: for each step on
 * them, true exactly when its mutation succeeds, over roles and the record's states (test/journey/viewer-can-table.ts).
 */
const TODAY = '2026-11-20';
const YESTERDAY = '2026-11-19';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;
const { askedOn, askedOf, run } = viewerCanAsking(api);

/** An item of panel 1's meeting on `meetingOn` about a Kent match, with the panel's recommendation if any. */
async function agendaItem(meetingOn: string, recommendation: PanelRecommendation | null, field: string) {
  const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
  const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn });
  const item = await insertAgendaItem(db(), { meeting, match, recommendation });
  const query = `query($id: ID!) { panelMeeting(id: $id) { agendaItems { id viewerCan { ${field} } } } }`;
  const pick = (d: any) => d.panelMeeting.agendaItems.find((i: { id: string }) => i.id === item.id)?.viewerCan[field];
  return { item, viewerCan: askedOn(query, { id: meeting.id }, pick) };
}

const AGENDA_STATES: [string, string, PanelRecommendation | null][] = [
  ['heard two days ago, not yet recommended on', '2026-11-18', null],
  ['heard two days ago, already recommended on', '2026-11-18', 'DEFERRED'],
  ['to be heard next week', '2026-11-25', null],
  ['heard ten days ago, papers closed', '2026-11-10', null],
];

const onAgenda = (field: string, mutation: string, input: (itemId: string) => Record<string, unknown>) =>
  Object.fromEntries(
    AGENDA_STATES.map(([state, meetingOn, recommendation]) => [
      `a panel 1 item ${state}`,
      async (): Promise<Subject> => {
        const { item, viewerCan } = await agendaItem(meetingOn, recommendation, field);
        return { viewerCan, mutate: run(mutation, input(item.id)) };
      },
    ]),
  );

/** A household at `stage`, and the step's input for it. */
const householdAt = (stage: HouseholdStage, field: string, mutation: string, input: Record<string, unknown>) => async () => {
  const household = await insertHousehold(db(), { stage, stageEnteredOn: '2026-09-01' });
  return { viewerCan: askedOf('household', household.id, field), mutate: run(mutation, { householdId: household.id, ...input }) };
};

/** A household at `stage` the panel has recommended on (an item of `kind`) ten days ago, or not. */
const householdHeard = (stage: HouseholdStage, kind: AgendaItemKind | null, outcome: string) => async (): Promise<Subject> => {
  const household = await insertHousehold(db(), { stage, stageEnteredOn: '2026-09-01' });
  if (kind) {
    const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn: '2026-11-10' });
    await insertAgendaItem(db(), { meeting, household, kind, recommendation: 'POSITIVE' });
  }
  const input = { householdId: household.id, outcome, decidedOn: YESTERDAY, rationale: 'as the panel advised' };
  return { viewerCan: askedOf('household', household.id, 'decideApproval'), mutate: run(M.decideHouseholdApproval, input) };
};

/** A Medway support request, with its advice-line call and its assessment or not. */
const supportRequest =
  (called: boolean, assessed: boolean, field: string, mutation: string, input: Record<string, unknown>) => async () => {
    const request = await insertSupportRequest(db(), 'MEDWAY', { adviceLineCallOn: called ? '2026-10-05' : null });
    if (assessed) {
      await db()
        .getRepository(SupportAssessmentRecord)
        .insert({
          supportRequestId: request.id,
          authority: 'MEDWAY',
          completedOn: '2026-10-20',
          outcome: 'NO_FURTHER_ACTION',
          recordedBy: demoStaff('support.1').id,
        });
    }
    return { viewerCan: askedOf('supportRequest', request.id, field), mutate: run(mutation, { supportRequestId: request.id, ...input }) };
  };

/** finder.1 breaks glass on a Medway child allocated to finder.2; the access is reviewed already, or not. */
const emergencyAccess = (reviewed: boolean) => async (): Promise<Subject> => {
  const { child } = await insertChildAt(db(), 'MEDWAY', 'PLACED', { finder: 'finder.2' });
  const broken = await api().as('finder.1')(
    `mutation ($input: RequestEmergencyAccessInput!) { requestEmergencyAccess(input: $input) { id } }`,
    { input: { childId: child.id, reason: 'the child has gone missing tonight' } },
  );
  const id = broken.data!.requestEmergencyAccess.id as string;
  const input = { id, outcome: 'JUSTIFIED', note: 'the child was missing' };
  if (reviewed) await run(M.reviewEmergencyAccess, input)('auditor.1');
  const query = `query { emergencyAccessReviews(first: 100) { edges { node { id viewerCan { review } } } } }`;
  const pick = (d: any) => d.emergencyAccessReviews.edges.find((e: { node: { id: string } }) => e.node.id === id)?.node.viewerCan.review;
  return { viewerCan: askedOn(query, {}, pick), mutate: run(M.reviewEmergencyAccess, input) };
};

const matchStates: [string, FixtureStage, PanelRecommendation | undefined][] = [
  ['proposed, not yet heard', 'LINKED', undefined],
  ['recommended by the panel', 'MATCH_RECOMMENDED', 'POSITIVE'],
  ['not recommended by the panel', 'LINKED', 'NEGATIVE'],
  ['deferred by the panel', 'LINKED', 'DEFERRED'],
  ['already decided', 'MATCHED', undefined],
];

const FINDER_ROLES = ['finder.1', 'finder.2', 'adm.raa', 'ppm.kent'];
const SUPPORT_ROLES = ['support.1', 'ppm.medway', 'adm.medway'];

compareWithMutations({
  'recordMatchDecision (Match.decide)': {
    roles: ['adm.kent', 'adm.medway', 'adm.raa', 'ppm.kent', 'panel.1'],
    states: Object.fromEntries(
      matchStates.map(([state, stage, recommendation]) => [
        `a Kent match ${state}`,
        async () => {
          const { match } = await insertChildAt(db(), 'KENT', stage, { recommendation });
          const outcome = recommendation === 'POSITIVE' ? 'APPROVED' : 'NOT_APPROVED';
          const input = { matchId: match!.id, outcome, decidedOn: YESTERDAY, rationale: 'as the panel advised' };
          return { viewerCan: askedOf('match', match!.id, 'decide'), mutate: run(M.recordMatchDecision, input) };
        },
      ]),
    ),
  },
  'recordPanelRecommendation (AgendaItem.recommend)': {
    roles: ['panel.1', 'vicechair.1', 'chair.2', 'adviser.1', 'panel.2'],
    states: onAgenda('recommend', M.recordPanelRecommendation, (agendaItemId) => ({
      agendaItemId,
      recommendation: 'DEFERRED',
      reasons: 'more information needed',
    })),
  },
  'declareInterest (AgendaItem.declareInterest)': {
    roles: ['vicechair.1', 'adviser.1', 'panel.2', 'finder.1'],
    states: {
      ...onAgenda('declareInterest', M.declareInterest, (agendaItemId) => ({ agendaItemId, reason: 'I know the applicants' })),
      'a panel 1 item to be heard next week, an interest declared already': async () => {
        const { item, viewerCan } = await agendaItem('2026-11-25', null, 'declareInterest');
        const declare = run(M.declareInterest, { agendaItemId: item.id, reason: 'I know the applicants' });
        // The role declares first (a role that may not is refused both times), then is asked, then declares again.
        const declaredFirst = async (u: string) => {
          await declare(u);
          return viewerCan(u);
        };
        return { viewerCan: declaredFirst, mutate: declare };
      },
    },
  },
  'advanceHouseholdStage (Household.advanceStage)': {
    roles: FINDER_ROLES,
    states: {
      'a household at STAGE_1': householdAt('STAGE_1', 'advanceStage', M.advanceHouseholdStage, { stage: 'STAGE_2', enteredOn: YESTERDAY }),
      'a household at PANEL': householdAt('PANEL', 'advanceStage', M.advanceHouseholdStage, { stage: 'PANEL', enteredOn: YESTERDAY }),
      'a household WITHDRAWN': householdAt('WITHDRAWN', 'advanceStage', M.advanceHouseholdStage, {
        stage: 'ENQUIRY',
        enteredOn: YESTERDAY,
      }),
    },
  },
  'withdrawHousehold (Household.withdraw)': {
    roles: FINDER_ROLES,
    states: {
      ...Object.fromEntries(
        (['STAGE_2', 'APPROVED', 'WITHDRAWN'] as const).map((stage) => [
          `a household at ${stage}`,
          householdAt(stage, 'withdraw', M.withdrawHousehold, { withdrawnOn: YESTERDAY, reason: 'they have moved abroad' }),
        ]),
      ),
      'an approved household linked with a child': async () => {
        const { household } = await insertChildAt(db(), 'KENT', 'LINKED');
        const input = { householdId: household!.id, withdrawnOn: YESTERDAY, reason: 'they have moved abroad' };
        return { viewerCan: askedOf('household', household!.id, 'withdraw'), mutate: run(M.withdrawHousehold, input) };
      },
    },
  },
  'decideHouseholdApproval (Household.decideApproval)': {
    roles: ['adm.raa', 'adm.kent', 'finder.1'],
    states: {
      'a household at panel, recommended on': householdHeard('PANEL', 'ADOPTER_APPROVAL', 'APPROVED'),
      'a household at panel, not yet recommended on': householdHeard('PANEL', null, 'APPROVED'),
      'an approved household the panel recommends terminating': householdHeard('APPROVED', 'TERMINATION', 'TERMINATED'),
      'an approved household with no recommendation since its approval': householdHeard('APPROVED', null, 'TERMINATED'),
    },
  },
  'recordAdviceLineCall (SupportRequest.recordAdviceLineCall)': {
    roles: SUPPORT_ROLES,
    states: {
      'a request without its call': supportRequest(false, false, 'recordAdviceLineCall', M.recordAdviceLineCall, { calledOn: YESTERDAY }),
      'a request with its call': supportRequest(true, false, 'recordAdviceLineCall', M.recordAdviceLineCall, { calledOn: YESTERDAY }),
    },
  },
  'recordSupportAssessment (SupportRequest.recordAssessment)': {
    roles: SUPPORT_ROLES,
    states: Object.fromEntries(
      [false, true].map((assessed) => [
        assessed ? 'a request assessed already' : 'a request not yet assessed',
        supportRequest(true, assessed, 'recordAssessment', M.recordSupportAssessment, { completedOn: YESTERDAY, outcome: 'SUPPORT_PLAN' }),
      ]),
    ),
  },
  'reviewEmergencyAccess (EmergencyAccess.review)': {
    roles: ['adm.medway', 'adm.kent', 'auditor.medway', 'finder.1'],
    states: { 'an access not yet reviewed': emergencyAccess(false), 'an access reviewed already': emergencyAccess(true) },
  },
});
