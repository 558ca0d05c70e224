import type { Authority } from '../../src/authz/vocabulary';
import type { PanelRecommendation } from '../../src/panels/agenda-item.entity';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, type FixtureStage } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { M } from './journey-api';

/**
 * `viewerCan.X` is true exactly when the mutation X succeeds: for every role and every state of the record, a fresh
 * record is asked about, then the mutation is sent with an input that suits the state; the two answers agree.
 */
const TODAY = '2026-11-20';
const api = useTestApi(undefined, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

/** A record to act on, how to ask its viewerCan, and the mutation's variables. */
type Subject = { viewerCan: (username: string) => Promise<boolean>; mutate: (username: string) => Promise<unknown[] | undefined> };

async function askedOn(username: string, query: string, variables: Record<string, unknown>, pick: (data: any) => boolean | undefined) {
  const { data, errors } = await api().as(username)(query, variables);
  // A record out of reach (NOT_FOUND) shows no control at all.
  if (errors) return false;
  return pick(data) ?? false;
}

const run = (username: string, mutation: string, input: Record<string, unknown>) =>
  api()
    .as(username)(mutation, { input })
    .then(({ errors }) => errors);

const childAsked = (id: string, field: string) => (username: string) =>
  askedOn(username, `query($id: ID!) { child(id: $id) { viewerCan { ${field} } } }`, { id }, (d) => d.child.viewerCan[field]);

async function child(authority: Authority, stage: FixtureStage) {
  return (await insertChildAt(db(), authority, stage)).child;
}

const STEPS: Record<string, { states: Record<string, () => Promise<Subject>>; roles: string[] }> = {
  'updateChild (update)': {
    roles: ['ppm.kent', 'ppm.medway', 'adm.kent', 'finder.1'],
    states: Object.fromEntries(
      (['CONSIDERING_ADOPTION', 'PLACED'] as const).map((stage) => [
        `a Kent child at ${stage}`,
        async () => {
          const { id } = await child('KENT', stage);
          return { viewerCan: childAsked(id, 'update'), mutate: (u) => run(u, M.updateChild, { childId: id, healthNeeds: 'reviewed' }) };
        },
      ]),
    ),
  },
  'recordAdoptionPlanDecision (decideAdoptionPlan)': {
    roles: ['adm.kent', 'adm.medway', 'ppm.kent', 'finder.1'],
    states: Object.fromEntries(
      (['CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'PLACED'] as const).map((stage) => [
        `a Kent child at ${stage}`,
        async () => {
          const { id } = await child('KENT', stage);
          const input = { childId: id, decidedOn: '2026-11-19', rationale: 'adoption meets the child’s needs' };
          return { viewerCan: childAsked(id, 'decideAdoptionPlan'), mutate: (u) => run(u, M.recordAdoptionPlanDecision, input) };
        },
      ]),
    ),
  },
  'proposeMatch (proposeMatch)': {
    roles: ['finder.1', 'finder.2', 'ppm.kent', 'adm.kent'],
    states: Object.fromEntries(
      (['SHOULD_BE_PLACED', 'AUTHORITY_TO_PLACE', 'LINKED', 'PLACED'] as const).map((stage) => [
        `a Kent child at ${stage}, allocated to finder.1`,
        async () => {
          const { id } = await child('KENT', stage);
          const household = await insertHousehold(db(), { stage: 'APPROVED' });
          const input = { childId: id, householdId: household.id, proposedOn: '2026-11-19' };
          return { viewerCan: childAsked(id, 'proposeMatch'), mutate: (u) => run(u, M.proposeMatch, input) };
        },
      ]),
    ),
  },
  'recordMatchDecision (decide)': {
    roles: ['adm.kent', 'adm.medway', 'adm.raa', 'ppm.kent', 'panel.1'],
    states: Object.fromEntries(
      (
        [
          ['proposed, not yet heard', 'LINKED', undefined],
          ['recommended by the panel', 'MATCH_RECOMMENDED', 'POSITIVE'],
          ['not recommended by the panel', 'LINKED', 'NEGATIVE'],
          ['deferred by the panel', 'LINKED', 'DEFERRED'],
          ['already decided', 'MATCHED', undefined],
        ] as [string, FixtureStage, PanelRecommendation | undefined][]
      ).map(([state, stage, recommendation]) => [
        `a Kent match ${state}`,
        async () => {
          const { match } = await insertChildAt(db(), 'KENT', stage, { recommendation });
          const outcome = recommendation === 'POSITIVE' ? 'APPROVED' : 'NOT_APPROVED';
          const input = { matchId: match!.id, outcome, decidedOn: '2026-11-19', rationale: 'as the panel advised' };
          return {
            viewerCan: (u) =>
              askedOn(u, `query($id: ID!) { match(id: $id) { viewerCan { decide } } }`, { id: match!.id }, (d) => d.match.viewerCan.decide),
            mutate: (u) => run(u, M.recordMatchDecision, input),
          };
        },
      ]),
    ),
  },
  'recordPanelRecommendation (recommend)': {
    roles: ['panel.1', 'vicechair.1', 'chair.2', 'adviser.1', 'panel.2'],
    states: Object.fromEntries(
      (
        [
          ['heard two days ago, not yet recommended on', '2026-11-18', null],
          ['heard two days ago, already recommended on', '2026-11-18', 'DEFERRED'],
          ['to be heard next week', '2026-11-25', null],
          ['heard ten days ago, papers closed', '2026-11-10', null],
        ] as [string, string, PanelRecommendation | null][]
      ).map(([state, meetingOn, recommendation]) => [
        `a panel 1 item ${state}`,
        async () => {
          const { match } = await insertChildAt(db(), 'KENT', 'LINKED');
          const meeting = await insertPanelMeeting(db(), { panel: 1, meetingOn });
          const item = await insertAgendaItem(db(), { meeting, match, recommendation });
          const input = { agendaItemId: item.id, recommendation: 'DEFERRED', reasons: 'more information needed' };
          const query = `query($id: ID!) { panelMeeting(id: $id) { agendaItems { id viewerCan { recommend } } } }`;
          return {
            viewerCan: (u) =>
              askedOn(
                u,
                query,
                { id: meeting.id },
                (d) => d.panelMeeting.agendaItems.find((i: { id: string }) => i.id === item.id)?.viewerCan.recommend,
              ),
            mutate: (u) => run(u, M.recordPanelRecommendation, input),
          };
        },
      ]),
    ),
  },
};

const CASES = Object.entries(STEPS).flatMap(([step, { states, roles }]) =>
  Object.entries(states).flatMap(([state, build]) =>
    roles.map((role): [string, string, string, () => Promise<Subject>] => [step, state, role, build]),
  ),
);

it.each(CASES)('%s on %s, as %s: viewerCan says what the mutation does', async (_step, _state, role, build) => {
  const subject = await build();
  const shown = await subject.viewerCan(role);
  const errors = await subject.mutate(role);
  expect({ viewerCan: shown }).toEqual({ viewerCan: errors === undefined });
});

it('the table holds both answers for every step: each control is shown to someone and hidden from someone', async () => {
  for (const { states, roles } of Object.values(STEPS)) {
    const answers = new Set<boolean>();
    for (const build of Object.values(states)) for (const role of roles) answers.add(await (await build()).viewerCan(role));
    expect([...answers].sort()).toEqual([false, true]);
  }
});
