import type { ChildRecord } from '../../src/journey/child.entity';
import { CHILD_STAGES } from '../../src/journey/child-stage';
import { insertChild } from '../helpers/factories';
import { insertAgendaItem, insertChildAt, insertPanelMeeting } from '../helpers/journey-factories';
import { readWholeList } from '../helpers/paging';
import { useTestApi } from '../helpers/test-api';

/** Finding, ordering and paging children as screens do: search, several stages, orderBy, both directions, counts per stage. */
const LIST = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: ChildFilter, $orderBy: [ChildOrder!]) {
  children(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    edges { cursor node { id lastName } }
    pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
  }
}`;
const COUNTS = `query ($filter: ChildFilter) { children(first: 0, filter: $filter) { totalCount countsByStage { stage count } } }`;

type Edge = { cursor: string; node: { id: string; lastName: string | null } };
const SURNAMES = ['Okoro', 'Abbott', 'Zeller', 'Murphy', 'Abbott', 'Lewis', 'Patel', 'Nowak'];
const kent: ChildRecord[] = [];
let onAgenda: ChildRecord;
/** Adopted, its record sealed: its identity is the ADM's, and hidden from the PPM lead. */
let sealed: ChildRecord;

const api = useTestApi(async ({ dataSource }) => {
  for (const [i, lastName] of SURNAMES.entries()) {
    kent.push(
      await insertChild(dataSource, 'KENT', {
        lastName,
        firstName: `Kit${i}`,
        stage: CHILD_STAGES[i % 3]!,
        dateOfBirth: `2020-0${(i % 9) + 1}-1${i % 3}`,
        enteredCareOn: `2023-0${9 - i}-01`,
      }),
    );
  }
  await insertChild(dataSource, 'MEDWAY', { lastName: 'Abbott' });
  sealed = await insertChild(dataSource, 'KENT', { lastName: 'Abbeville', stage: 'ADOPTED', restrictionCategory: 'ADOPTION' });
  const journey = await insertChildAt(dataSource, 'KENT', 'LINKED', { child: { lastName: 'Quill' } });
  onAgenda = journey.child;
  const meeting = await insertPanelMeeting(dataSource, { panel: 1, meetingOn: '2026-11-24' });
  await insertAgendaItem(dataSource, { meeting, match: journey.match });
});

const pageAll = (username: string, variables: Record<string, unknown>, backward = false) =>
  readWholeList(api().as(username), LIST, 'children', variables, { backward });

const kentChildren = () => [...kent, onAgenda, sealed];
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const stageOf = (c: ChildRecord) => CHILD_STAGES.indexOf(c.stage);

describe('order', () => {
  it('opens by stage in journey order, then the longest in care first', async () => {
    const expected = kentChildren()
      .sort((a, b) => stageOf(a) - stageOf(b) || compare(a.enteredCareOn, b.enteredCareOn) || compare(a.id, b.id))
      .map((c) => c.id);
    expect(await pageAll('adm.kent', {})).toEqual(expected);
  });

  it.each([
    ['LAST_NAME', 'ASC', (c: ChildRecord) => c.lastName],
    ['LAST_NAME', 'DESC', (c: ChildRecord) => c.lastName],
    ['DATE_OF_BIRTH', 'DESC', (c: ChildRecord) => c.dateOfBirth],
    ['CREATED_AT', 'ASC', (c: ChildRecord) => c.createdAt.toISOString()],
  ] as const)('by %s %s: the same records forward and backward, each once, ties by id', async (field, direction, key) => {
    const sign = direction === 'ASC' ? 1 : -1;
    const expected = kentChildren()
      .sort((a, b) => sign * (compare(key(a), key(b)) || compare(a.id, b.id)))
      .map((c) => c.id);
    const orderBy = [{ field, direction }];
    expect(await pageAll('adm.kent', { orderBy })).toEqual(expected);
    expect(await pageAll('adm.kent', { orderBy }, true)).toEqual(expected);
  });

  it('pageInfo is exact both ways: a middle page has records before and after it', async () => {
    const orderBy = [{ field: 'LAST_NAME' }];
    const first = await api().as('adm.kent')(LIST, { first: 3, orderBy });
    const middle = await api().as('adm.kent')(LIST, { first: 3, after: first.data!.children.pageInfo.endCursor, orderBy });
    expect(first.data!.children.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(middle.data!.children.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const back = await api().as('adm.kent')(LIST, { last: 3, before: middle.data!.children.pageInfo.startCursor, orderBy });
    expect(back.data!.children.edges).toEqual(first.data!.children.edges);
    expect(back.data!.children.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('a cursor of one order is refused in another: BAD_USER_INPUT', async () => {
    const byName = await api().as('adm.kent')(LIST, { first: 2, orderBy: [{ field: 'LAST_NAME' }] });
    const { errors } = await api().as('adm.kent')(LIST, { first: 2, after: byName.data!.children.pageInfo.endCursor });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([
    ['first and last together', { first: 2, last: 2 }, 'last'],
    ['a field twice', { orderBy: [{ field: 'STAGE' }, { field: 'STAGE', direction: 'DESC' }] }, 'orderBy'],
    ['a forged before cursor', { last: 2, before: 'bm90LWEtY3Vyc29y' }, 'before'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, variables, field) => {
    const { errors } = await api().as('adm.kent')(LIST, variables);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a surname hidden on a record places it last, and its cursor carries no name, both ways (a PPM lead and a sealed record)', async () => {
    const orderBy = [{ field: 'LAST_NAME' }];
    const named = kentChildren()
      .filter((c) => c !== sealed)
      .sort((a, b) => compare(a.lastName, b.lastName) || compare(a.id, b.id));
    const expected = [...named, sealed].map((c) => c.id);
    expect(await pageAll('ppm.kent', { orderBy })).toEqual(expected);
    expect(await pageAll('ppm.kent', { orderBy }, true)).toEqual(expected);
    const { data } = await api().as('ppm.kent')(LIST, { last: 1, orderBy });
    const [edge] = data!.children.edges as Edge[];
    expect(edge!.node).toEqual({ id: sealed.id, lastName: null });
    expect(Buffer.from(edge!.cursor, 'base64url').toString()).not.toContain(sealed.lastName);
  });

  it('a panel member may not order by a surname they may not read: FORBIDDEN (FIELD_NOT_READABLE)', async () => {
    const { errors } = await api().as('panel.1')(LIST, { orderBy: [{ field: 'LAST_NAME' }] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FIELD_NOT_READABLE' });
  });

  it('a panel member orders by stage, a field they read', async () => {
    const { data, errors } = await api().as('panel.1')(LIST, { orderBy: [{ field: 'STAGE', direction: 'DESC' }] });
    expect(errors).toBeUndefined();
    expect(data!.children.edges.map((e: Edge) => e.node.id)).toEqual([onAgenda.id]);
  });
});

describe('search', () => {
  it('finds by a word of the name, case aside, only in reach', async () => {
    const { data } = await api().as('adm.kent')(LIST, { filter: { search: 'abBOTT' } });
    const expected = kent.filter((c) => c.lastName === 'Abbott').map((c) => c.id);
    expect(data!.children.edges.map((e: Edge) => e.node.id).sort()).toEqual(expected.sort());
  });

  it('every word must match: first and last name together', async () => {
    const { data } = await api().as('adm.kent')(LIST, { filter: { search: 'kit1 abbott' } });
    expect(data!.children.edges.map((e: Edge) => e.node.id)).toEqual([kent[1]!.id]);
  });

  it('a panel member searching a surname they may not read finds nothing, though the child is on their agenda', async () => {
    const byFirstName = await api().as('panel.1')(LIST, { filter: { search: onAgenda.firstName } });
    const bySurname = await api().as('panel.1')(LIST, { filter: { search: 'Quill' } });
    expect(byFirstName.data!.children.edges.map((e: Edge) => e.node.id)).toEqual([onAgenda.id]);
    expect(bySurname.errors).toBeUndefined();
    expect(bySurname.data!.children.edges).toEqual([]);
  });

  it('a hidden surname finds nothing: the PPM lead searching a sealed record’s surname', async () => {
    const asPpm = await api().as('ppm.kent')(LIST, { filter: { search: 'Abbeville' } });
    const asAdm = await api().as('adm.kent')(LIST, { filter: { search: 'Abbeville' } });
    expect(asPpm.data!.children.edges).toEqual([]);
    expect(asAdm.data!.children.edges.map((e: Edge) => e.node.id)).toEqual([sealed.id]);
  });

  it('a pattern character is a character, not a wildcard', async () => {
    const { data } = await api().as('adm.kent')(LIST, { filter: { search: '%' } });
    expect(data!.children.edges).toEqual([]);
  });
});

describe('stages and counts per stage', () => {
  it('several stages at once', async () => {
    const stages: string[] = [CHILD_STAGES[0], CHILD_STAGES[2]];
    const { data } = await api().as('adm.kent')(LIST, { first: 100, filter: { stages } });
    const expected = kentChildren().filter((c) => stages.includes(c.stage));
    expect(data!.children.edges.map((e: Edge) => e.node.id).sort()).toEqual(expected.map((c) => c.id).sort());
  });

  it('counts every stage of the list as the caller sees it, whatever stage tab is open', async () => {
    const { data, errors } = await api().as('adm.kent')(COUNTS, { filter: { stages: ['LINKED'] } });
    expect(errors).toBeUndefined();
    const counts = Object.fromEntries(data!.children.countsByStage.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    expect(Object.keys(counts)).toEqual([...CHILD_STAGES]);
    for (const stage of CHILD_STAGES) expect(counts[stage]).toBe(kentChildren().filter((c) => c.stage === stage).length);
    expect(data!.children.totalCount).toBe(1);
  });

  it('counts only what the search finds, and nothing out of reach', async () => {
    const { data } = await api().as('adm.kent')(COUNTS, { filter: { search: 'Abbott' } });
    const total = data!.children.countsByStage.reduce((n: number, s: { count: number }) => n + s.count, 0);
    expect(total).toBe(kent.filter((c) => c.lastName === 'Abbott').length);
  });
});
