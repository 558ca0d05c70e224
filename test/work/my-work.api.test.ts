import type { Authority } from '../../src/authz/vocabulary';
import type { WorkKind } from '../../src/work/work-kinds';
import { insertAgendaItem, insertChildAt, insertHousehold, insertPanelMeeting, type ChildJourney } from '../helpers/journey-factories';
import { readWholeList } from '../helpers/paging';
import { useTestApi } from '../helpers/test-api';

/**
 * `myWork` lists what awaits a step of the caller's: each role sees the records of its own kinds of work, within
 * its reach. Today is Wednesday 2 September 2026; Monday 31 August was a bank holiday.
 */
const MY_WORK = `query MyWork($first: Int, $after: String) {
  myWork(first: $first, after: $after) {
    totalCount
    countsByKind { kind count }
    pageInfo { hasNextPage endCursor }
    edges { node { kind recordType recordId waitingSince workingDaysWaiting
      child { id authority } match { id authority } household { id } agendaItem { id } } }
  }
}`;

type Fixtures = {
  planOnly: ChildJourney;
  allocatedUnmatched: ChildJourney;
  waitingUnallocated: ChildJourney;
  proposed: ChildJourney;
  recommended: ChildJourney;
  onAgenda: ChildJourney & { itemId: string };
};
const fixtures = {} as Record<'KENT' | 'MEDWAY', Fixtures>;
let householdAtPanel = '';

const api = useTestApi(async ({ dataSource: db }) => {
  for (const [authority, finder, panel] of [
    ['KENT', 'finder.1', 1],
    ['MEDWAY', 'finder.2', 2],
  ] as const) {
    const onAgenda = await insertChildAt(db, authority, 'LINKED', { finder: 'finder.2' });
    const meeting = await insertPanelMeeting(db, { panel, meetingOn: '2026-09-01' });
    const item = await insertAgendaItem(db, { meeting, match: onAgenda.match });
    fixtures[authority] = {
      planOnly: await insertChildAt(db, authority, 'SHOULD_BE_PLACED', { finder: null }),
      allocatedUnmatched: await insertChildAt(db, authority, 'AUTHORITY_TO_PLACE', { finder }),
      waitingUnallocated: await insertChildAt(db, authority, 'AUTHORITY_TO_PLACE', { finder: null }),
      proposed: await insertChildAt(db, authority, 'LINKED', { finder: 'finder.2' }),
      recommended: await insertChildAt(db, authority, 'MATCH_RECOMMENDED', { finder: 'finder.2', meetingOn: '2026-08-27' }),
      onAgenda: { ...onAgenda, itemId: item.id },
    };
  }
  const household = await insertHousehold(db, { stage: 'PANEL', stageEnteredOn: '2026-08-03' });
  const meeting = await insertPanelMeeting(db, { panel: 2, meetingOn: '2026-08-27' });
  await insertAgendaItem(db, { meeting, household, recommendation: 'POSITIVE' });
  householdAtPanel = household.id;
}, '2026-09-02T12:00:00Z');

type Item = { kind: WorkKind; recordId: string };
const of = (authority: 'KENT' | 'MEDWAY') => fixtures[authority];

/** Each role's work, as the fixtures make it: [who, what awaits them]. */
const EXPECTED: [string, () => Item[]][] = [
  ['adm.kent', () => [{ kind: 'MATCH_DECISION_DUE', recordId: of('KENT').recommended.match!.id }]],
  ['adm.medway', () => [{ kind: 'MATCH_DECISION_DUE', recordId: of('MEDWAY').recommended.match!.id }]],
  ['adm.bexley', () => []],
  ['adm.raa', () => [{ kind: 'APPROVAL_DECISION_DUE', recordId: householdAtPanel }]],
  [
    'ppm.kent',
    () => [
      { kind: 'AUTHORITY_TO_PLACE_AWAITED', recordId: of('KENT').planOnly.child.id },
      { kind: 'FAMILY_FINDER_AWAITED', recordId: of('KENT').waitingUnallocated.child.id },
    ],
  ],
  [
    'ppm.medway',
    () => [
      { kind: 'AUTHORITY_TO_PLACE_AWAITED', recordId: of('MEDWAY').planOnly.child.id },
      { kind: 'FAMILY_FINDER_AWAITED', recordId: of('MEDWAY').waitingUnallocated.child.id },
    ],
  ],
  ['finder.1', () => [{ kind: 'MATCH_PROPOSAL_AWAITED', recordId: of('KENT').allocatedUnmatched.child.id }]],
  ['finder.2', () => [{ kind: 'MATCH_PROPOSAL_AWAITED', recordId: of('MEDWAY').allocatedUnmatched.child.id }]],
  ...['adviser.1', 'adviser.2'].map((adviser): [string, () => Item[]] => [
    adviser,
    () => (['KENT', 'MEDWAY'] as const).map((a) => ({ kind: 'PANEL_DATE_AWAITED', recordId: of(a).proposed.match!.id })),
  ]),
  ['panel.1', () => [{ kind: 'RECOMMENDATION_AWAITED', recordId: of('KENT').onAgenda.itemId }]],
  ['vicechair.1', () => [{ kind: 'RECOMMENDATION_AWAITED', recordId: of('KENT').onAgenda.itemId }]],
  ['chair.2', () => [{ kind: 'RECOMMENDATION_AWAITED', recordId: of('MEDWAY').onAgenda.itemId }]],
  ...['panel.2', 'support.1', 'board.kent', 'auditor.1', 'access.admin'].map((u): [string, () => Item[]] => [u, () => []]),
];

async function myWork(username: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await api().as(username)(MY_WORK, variables);
  expect(errors).toBeUndefined();
  return data!.myWork;
}

const sorted = (items: Item[]) => [...items].sort((a, b) => (a.kind + a.recordId).localeCompare(b.kind + b.recordId));

describe.each(EXPECTED)('for %s', (username, expected) => {
  it('myWork holds exactly the records awaiting their step, and counts them by kind', async () => {
    const work = await myWork(username);
    const items: Item[] = work.edges.map(({ node }: { node: Item }) => ({ kind: node.kind, recordId: node.recordId }));
    expect(sorted(items)).toEqual(sorted(expected()));
    expect(work.totalCount).toBe(expected().length);
    const counts = new Map<string, number>();
    for (const { kind } of expected()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    expect(work.countsByKind).toEqual([...counts].sort().map(([kind, count]) => ({ kind, count })));
  });
});

it.each<[string, Authority]>([
  ['adm.kent', 'KENT'],
  ['ppm.kent', 'KENT'],
  ['adm.medway', 'MEDWAY'],
  ['ppm.medway', 'MEDWAY'],
])('every record awaiting %s is of %s: another authority’s never appears', async (username, authority) => {
  const work = await myWork(username);
  expect(work.edges.length).toBeGreaterThan(0);
  for (const { node } of work.edges) expect((node.child ?? node.match).authority).toBe(authority);
});

it('an ADM sees the panel’s recommendation awaiting their decision, and the working days it has waited', async () => {
  const [{ node }] = (await myWork('adm.kent')).edges;
  expect(node).toMatchObject({
    kind: 'MATCH_DECISION_DUE',
    recordType: 'Match',
    match: { id: of('KENT').recommended.match!.id },
    waitingSince: '2026-08-27',
    // Friday 28 August, Tuesday 1 and Wednesday 2 September: not the weekend, nor the August bank holiday.
    workingDaysWaiting: 3,
  });
});

it('the record an item points to is given by its typed link', async () => {
  const [{ node }] = (await myWork('panel.1')).edges;
  expect(node).toMatchObject({ recordType: 'AgendaItem', agendaItem: { id: of('KENT').onAgenda.itemId }, child: null, match: null });
});

it('a page of one at a time walks the whole list, longest waiting first, and a forged cursor is refused', async () => {
  const first = await myWork('ppm.kent', { first: 1 });
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = await myWork('ppm.kent', { first: 1, after: first.pageInfo.endCursor });
  expect(second.pageInfo.hasNextPage).toBe(false);
  const pages = [...first.edges, ...second.edges].map(({ node }: { node: { waitingSince: string } }) => node.waitingSince);
  expect(pages).toEqual([...pages].sort());
  const { errors } = await api().as('ppm.kent')(MY_WORK, { after: 'not-a-cursor' });
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

const WORK_PAGES = `query ($first: Int, $after: String, $last: Int, $before: String) {
  myWork(first: $first, after: $after, last: $last, before: $before) {
    edges { node { id: recordId waitingSince } }
    pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
  }
}`;

describe('paging back with last and before, as every connection does', () => {
  it.each(['ppm.kent', 'adviser.1'])(
    '%s reads the same items in the same order, a page of one at a time, forward and backward',
    async (username) => {
      const whole = (await myWork(username)).edges.map(({ node }: { node: Item }) => node.recordId);
      expect(whole.length).toBeGreaterThan(1);
      const forward = await readWholeList(api().as(username), WORK_PAGES, 'myWork', {}, { size: 1 });
      const backward = await readWholeList(api().as(username), WORK_PAGES, 'myWork', {}, { backward: true, size: 1 });
      expect(forward).toEqual(whole);
      expect(backward).toEqual(whole);
    },
  );

  it('last alone is the end of the list, and before its start cursor the page that precedes it; pageInfo exact both ways', async () => {
    const as = api().as('ppm.kent');
    const [first, second] = (await myWork('ppm.kent')).edges.map(({ node }: { node: Item }) => node.recordId);
    const end = (await as(WORK_PAGES, { last: 1 })).data!.myWork;
    expect(end.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([second]);
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await as(WORK_PAGES, { last: 1, before: end.pageInfo.startCursor })).data!.myWork;
    expect(before.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first]);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it.each([
    ['first and last together', { first: 1, last: 1 }, 'last'],
    ['a forged before cursor', { last: 1, before: 'bm90LWEtY3Vyc29y' }, 'before'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, variables, field) => {
    const { errors } = await api().as('ppm.kent')(WORK_PAGES, variables);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a cursor of another list is refused: a page of children is not a page of work', async () => {
    const { data } = await api().as('ppm.kent')('{ children(first: 1) { pageInfo { endCursor } } }');
    const { errors } = await api().as('ppm.kent')(WORK_PAGES, { after: data!.children.pageInfo.endCursor });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
