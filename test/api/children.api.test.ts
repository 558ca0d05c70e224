import { ChildRecord } from '../../src/journey/child.entity';
import { insertChild, insertChildren } from '../helpers/factories';
import { CREATE_CHILD, GET_CHILD, LIST_CHILDREN, LIST_CHILDREN_WITHOUT_TOTAL } from '../helpers/operations';
import { useTestApi } from '../helpers/test-api';

/** Children through GraphQL, per role × authority, on seeded records of every authority. */
const children: Record<'BEXLEY' | 'KENT' | 'MEDWAY', ChildRecord[]> = { BEXLEY: [], KENT: [], MEDWAY: [] };
const MISSING_ID = '0b0e0000-0000-4000-8000-000000000000';

const api = useTestApi(async ({ dataSource }) => {
  children.BEXLEY = await insertChildren(dataSource, 'BEXLEY', 2);
  children.KENT = await insertChildren(dataSource, 'KENT', 5);
  children.MEDWAY = await insertChildren(dataSource, 'MEDWAY', 3);
});

const countChildren = () => api().dataSource.getRepository(ChildRecord).count();

describe.each([
  ['adm.bexley', 'BEXLEY'],
  ['adm.kent', 'KENT'],
  ['adm.medway', 'MEDWAY'],
  ['ppm.bexley', 'BEXLEY'],
  ['ppm.kent', 'KENT'],
  ['ppm.medway', 'MEDWAY'],
] as const)('%s (reads the children of %s only)', (username, authority) => {
  it('lists only their authority’s children, and totalCount counts only those', async () => {
    const { data, errors } = await api().as(username)(LIST_CHILDREN, { first: 100 });
    expect(errors).toBeUndefined();
    const ids = data!.children.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.sort()).toEqual(children[authority].map((c) => c.id).sort());
    expect(data!.children.totalCount).toBe(children[authority].length);
  });

  it('reads one of their authority’s children with every field class', async () => {
    const own = children[authority][0]!;
    const { data, errors } = await api().as(username)(GET_CHILD, { id: own.id });
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({ id: own.id, authority, firstName: own.firstName, birthFamilyBackground: 'neglect' });
    expect(data!.child.redactedFields).toEqual([]);
  });

  it('gets NOT_FOUND for another authority’s child, exactly as for a missing one', async () => {
    const other = Object.entries(children).find(([a]) => a !== authority)![1][0]!;
    const outOfReach = await api().as(username)(GET_CHILD, { id: other.id });
    const missing = await api().as(username)(GET_CHILD, { id: MISSING_ID });
    expect(outOfReach.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(outOfReach.errors![0]!.message).toBe(missing.errors![0]!.message);
    expect(missing.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('filtering by another authority returns an empty connection', async () => {
    const other = authority === 'KENT' ? 'MEDWAY' : 'KENT';
    const { data } = await api().as(username)(LIST_CHILDREN, { filter: { authority: other } });
    expect(data!.children).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe.each(['board.kent', 'adm.raa', 'support.1', 'auditor.1'])('%s (may never read children)', (username) => {
  it('is refused the children list with FORBIDDEN, before any lookup', async () => {
    const { data, errors } = await api().as(username)(LIST_CHILDREN, {});
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
  });

  it('is refused a single child with FORBIDDEN, whether it exists or not', async () => {
    for (const id of [children.KENT[0]!.id, MISSING_ID]) {
      const { errors } = await api().as(username)(GET_CHILD, { id });
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
    }
  });
});

describe.each(['finder.1', 'panel.1'])('%s (reads only allocated or agenda children; none yet)', (username) => {
  it('sees an empty connection', async () => {
    const { data, errors } = await api().as(username)(LIST_CHILDREN, {});
    expect(errors).toBeUndefined();
    expect(data!.children).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('gets NOT_FOUND for any child', async () => {
    const { errors } = await api().as(username)(GET_CHILD, { id: children.MEDWAY[0]!.id });
    expect(errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('createChild', () => {
  const input = (authority: string, overrides: Record<string, unknown> = {}) => ({
    authority,
    firstName: 'Ada',
    lastName: 'Lovelace',
    dateOfBirth: '2023-05-01',
    enteredCareOn: '2024-02-12',
    nhsNumber: '943 476 5919',
    ...overrides,
  });

  it('a Kent PPM lead records a Kent child, who then appears in the Kent ADM’s list', async () => {
    const { data, errors } = await api().as('ppm.kent')(CREATE_CHILD, { input: input('KENT') });
    expect(errors).toBeUndefined();
    expect(data!.createChild).toMatchObject({
      authority: 'KENT',
      stage: 'CONSIDERING_ADOPTION',
      firstName: 'Ada',
      version: 1,
      ageInYears: 3,
    });
    const read = await api().as('adm.kent')(GET_CHILD, { id: data!.createChild.id });
    expect(read.data!.child.firstName).toBe('Ada');
  });

  it('a Kent PPM lead cannot record a Medway child: FORBIDDEN (OTHER_AUTHORITY), nothing written', async () => {
    const before = await countChildren();
    const { errors } = await api().as('ppm.kent')(CREATE_CHILD, { input: input('MEDWAY') });
    expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_AUTHORITY' });
    expect(await countChildren()).toBe(before);
  });

  it.each(['adm.kent', 'adm.raa', 'finder.1', 'panel.1', 'board.kent', 'support.1', 'auditor.1'])(
    '%s cannot record a child: FORBIDDEN (ROLE_MAY_NOT_CREATE), nothing written',
    async (username) => {
      const before = await countChildren();
      const { errors } = await api().as(username)(CREATE_CHILD, { input: input('KENT') });
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_CREATE' });
      expect(await countChildren()).toBe(before);
    },
  );

  it.each([
    ['an impossible date', { dateOfBirth: '2023-02-30' }, 'dateOfBirth'],
    ['a malformed date', { enteredCareOn: '12/02/2024' }, 'enteredCareOn'],
    ['an empty first name', { firstName: '' }, 'firstName'],
    ['a blank last name', { lastName: '   ' }, 'lastName'],
    ['a date of birth in the future', { dateOfBirth: '2026-11-21' }, 'dateOfBirth'],
    ['entering care in the future', { enteredCareOn: '2027-01-01' }, 'enteredCareOn'],
    ['entering care before birth', { enteredCareOn: '2023-04-30' }, 'enteredCareOn'],
    ['an unknown authority', { authority: 'SURREY' }, 'authority'],
    ['an NHS number with a wrong check digit', { nhsNumber: '9434765918' }, 'nhsNumber'],
    ['a first name over 100 characters', { firstName: 'A'.repeat(101) }, 'firstName'],
  ])('refuses %s with BAD_USER_INPUT naming the field, nothing written', async (_case, overrides, field) => {
    const before = await countChildren();
    const { errors } = await api().as('ppm.kent')(CREATE_CHILD, { input: input('KENT', overrides) });
    expect(errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain(field);
    expect(await countChildren()).toBe(before);
  });
});

describe('pagination', () => {
  let medway: string[];
  beforeAll(async () => {
    await insertChildren(api().dataSource, 'MEDWAY', 20);
    medway = (
      await api()
        .dataSource.getRepository(ChildRecord)
        .find({ where: { authority: 'MEDWAY' }, order: { createdAt: 'ASC', id: 'ASC' } })
    ).map((c) => c.id);
  });

  const byCreation = [{ field: 'CREATED_AT' }];

  it('pages through every visible child once, in creation order, never repeating or skipping', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { data, errors } = await api().as('adm.medway')(LIST_CHILDREN_WITHOUT_TOTAL, { first: 7, after, orderBy: byCreation });
      expect(errors).toBeUndefined();
      seen.push(...data!.children.edges.map((e: { node: { id: string } }) => e.node.id));
      after = data!.children.pageInfo.hasNextPage ? data!.children.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen).toEqual(medway);
    expect(pages).toBe(Math.ceil(medway.length / 7));
  });

  it('a record created while paging appears once, at the end', async () => {
    const first = await api().as('adm.medway')(LIST_CHILDREN_WITHOUT_TOTAL, { first: 10, orderBy: byCreation });
    const late = await insertChild(api().dataSource, 'MEDWAY');
    const rest = await api().as('adm.medway')(LIST_CHILDREN_WITHOUT_TOTAL, {
      first: 100,
      after: first.data!.children.pageInfo.endCursor,
      orderBy: byCreation,
    });
    const ids = [...first.data!.children.edges, ...rest.data!.children.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual([...medway, late.id]);
  });

  it('refuses more than 100 a page with PAGE_SIZE_EXCEEDED, naming the most allowed and what was asked', async () => {
    const { errors } = await api().as('adm.medway')(LIST_CHILDREN, { first: 101 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'PAGE_SIZE_EXCEEDED', limit: 'pageSize', max: 100, found: 101 });
  });

  it.each([
    ['a negative page size', { first: -1 }, 'first'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, args, field) => {
    const { errors } = await api().as('adm.medway')(LIST_CHILDREN, args);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a malformed id is BAD_USER_INPUT, not a lookup', async () => {
    const { errors } = await api().as('adm.medway')(GET_CHILD, { id: 'not-a-uuid' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
