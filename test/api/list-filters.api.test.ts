import type { HouseholdRecord } from '../../src/households/household.entity';
import { HouseholdRecord as Households } from '../../src/households/household.entity';
import { MatchRecord } from '../../src/journey/match.entity';
import type { SupportRequestRecord } from '../../src/support/support-request.entity';
import { insertChildAt, insertHousehold, insertSupportRequest } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/** The filters screens use on households, matches and support requests: each narrows the list the caller may see. */
const households: Record<string, HouseholdRecord> = {};
const matches: Record<string, MatchRecord> = {};
const requests: Record<string, SupportRequestRecord> = {};

const api = useTestApi(async ({ dataSource }) => {
  const repository = dataSource.getRepository(Households);
  const household = async (name: string, stage: HouseholdRecord['stage'], changes: Partial<HouseholdRecord>) => {
    const saved = await insertHousehold(dataSource, { stage, earlyPermanence: changes.earlyPermanence ?? false });
    await repository.update(saved.id, changes);
    households[name] = saved;
  };
  await household('youngOnly', 'APPROVED', { maxChildAge: 2, maxSiblings: 1, homeAuthority: 'MEDWAY' });
  await household('siblings', 'APPROVED', { minChildAge: 3, maxChildAge: 9, maxSiblings: 3, fastTrack: true });
  await household('earlyPermanence', 'MATCHED', { earlyPermanence: true, maxSiblings: 4 });
  await household('inAssessment', 'STAGE_2', { homeAuthority: 'BEXLEY' });
  const proposedOn = ['2025-06-01', '2025-07-15', '2025-09-30'];
  for (const [i, stage] of (['LINKED', 'MATCHED', 'PLACED'] as const).entries()) {
    const { match } = await insertChildAt(dataSource, 'KENT', stage);
    await dataSource.getRepository(MatchRecord).update(match!.id, { proposedOn: proposedOn[i] });
    matches[stage] = match!;
  }
  requests.waiting = await insertSupportRequest(dataSource, 'KENT', { receivedOn: '2026-11-02', adviceLineCallOn: null });
  requests.called = await insertSupportRequest(dataSource, 'KENT', { receivedOn: '2026-10-01', outcome: 'RESOLVED' });
  requests.medway = await insertSupportRequest(dataSource, 'MEDWAY', { receivedOn: '2026-09-01', outcome: 'SIGNPOSTED' });
});

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id).sort();
const named = (records: Record<string, { id: string }>, ...names: string[]) => names.map((n) => records[n]!.id).sort();

describe('households (as a family finder, who reads every household)', () => {
  const list = (filter: Record<string, unknown>) =>
    api().as('finder.1')(`query ($filter: HouseholdFilter) { households(first: 100, filter: $filter) { edges { node { id } } } }`, {
      filter,
    });

  it.each([
    ['holding approval', { approved: true }, ['youngOnly', 'siblings', 'earlyPermanence']],
    ['not holding approval', { approved: false }, ['inAssessment']],
    ['early permanence', { earlyPermanence: true }, ['earlyPermanence']],
    ['fast track', { fastTrack: true }, ['siblings']],
    ['living in Medway', { homeAuthority: 'MEDWAY' }, ['youngOnly']],
    ['able to take a child of 5', { childAge: 5 }, ['siblings', 'earlyPermanence', 'inAssessment']],
    ['able to take three siblings', { siblingGroupOf: 3 }, ['siblings', 'earlyPermanence']],
    ['at several stages', { stages: ['STAGE_2', 'MATCHED'] }, ['earlyPermanence', 'inAssessment']],
    ['approved and able to take a baby', { approved: true, childAge: 0 }, ['youngOnly', 'earlyPermanence']],
  ])('%s', async (_case, filter, expected) => {
    const { data, errors } = await list(filter);
    expect(errors).toBeUndefined();
    // The matches' journeys bring households of their own: the cases are about these four.
    const ours = new Set(Object.values(households).map((h) => h.id));
    expect(ids(data!.households).filter((id) => ours.has(id))).toEqual(named(households, ...expected));
  });
});

describe('matches (as the Kent ADM)', () => {
  const list = (filter: Record<string, unknown>) =>
    api().as('adm.kent')(`query ($filter: MatchFilter) { matches(first: 100, filter: $filter) { edges { node { id } } } }`, { filter });

  it.each([
    ['in several statuses', { statuses: ['PROPOSED', 'PLACED'] }, ['LINKED', 'PLACED']],
    ['proposed in a range, both days included', { proposedFrom: '2025-07-15', proposedTo: '2025-09-30' }, ['MATCHED', 'PLACED']],
    ['proposed up to a day', { proposedTo: '2025-06-01' }, ['LINKED']],
  ])('%s', async (_case, filter, expected) => {
    const { data, errors } = await list(filter);
    expect(errors).toBeUndefined();
    expect(ids(data!.matches)).toEqual(named(matches, ...expected));
  });

  it('a range that ends before it starts is BAD_USER_INPUT', async () => {
    const { errors } = await list({ proposedFrom: '2025-09-30', proposedTo: '2025-06-01' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.proposed' });
  });

  it('another authority’s ADM finds none of them, whatever the filter', async () => {
    const { data } = await api().as('adm.bexley')(`{ matches(filter: { statuses: [PROPOSED, APPROVED, PLACED] }) { totalCount } }`);
    expect(data!.matches.totalCount).toBe(0);
  });
});

describe('support requests (as a support worker)', () => {
  const list = (filter: Record<string, unknown>) =>
    api().as('support.1')(
      `query ($filter: SupportRequestFilter) { supportRequests(first: 100, filter: $filter) { edges { node { id } } } }`,
      {
        filter,
      },
    );

  it.each([
    ['awaiting the advice-line call', { awaitingCall: true }, ['waiting']],
    ['past the call', { awaitingCall: false }, ['called', 'medway']],
    ['with some outcomes', { outcomes: ['SIGNPOSTED', 'RESOLVED'] }, ['called', 'medway']],
    ['received in a range', { receivedFrom: '2026-09-15', receivedTo: '2026-11-02' }, ['waiting', 'called']],
    ['of an authority, received from a day', { authority: 'KENT', receivedFrom: '2026-10-02' }, ['waiting']],
  ])('%s', async (_case, filter, expected) => {
    const { data, errors } = await list(filter);
    expect(errors).toBeUndefined();
    expect(ids(data!.supportRequests)).toEqual(named(requests, ...expected));
  });
});
