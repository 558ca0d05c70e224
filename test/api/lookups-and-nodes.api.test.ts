import { demoStaff } from '../../seeds/demo-staff';
import { AuditEventRecord } from '../../src/audit/audit-event.entity';
import { insertChild } from '../helpers/factories';
import { insertChildAt, insertHousehold, insertPanelMeeting, insertSupportRequest } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * A single lookup (`child(id)`, `node(id)`, …) that finds nothing in the caller's reach answers null with NOT_FOUND
 * at its own path: the rest of the operation still arrives. Out of reach and missing answer alike.
 */
const MISSING_ID = '0b0e0000-0000-4000-8000-000000000000';
const ids: Record<string, string> = {};

const api = useTestApi(async ({ dataSource }) => {
  ids.child = (await insertChild(dataSource, 'KENT')).id;
  ids.match = (await insertChildAt(dataSource, 'KENT', 'LINKED')).match!.id;
  ids.household = (await insertHousehold(dataSource)).id;
  ids.panelMeeting = (await insertPanelMeeting(dataSource, { panel: 1, meetingOn: '2026-12-01' })).id;
  ids.supportRequest = (await insertSupportRequest(dataSource, 'MEDWAY')).id;
});

/** Each lookup, who reaches its record, and who may read such records but not this one. */
const LOOKUPS = [
  { lookup: 'child', type: 'Child', reaches: 'adm.kent', outOfReach: 'adm.bexley' },
  { lookup: 'match', type: 'Match', reaches: 'adm.kent', outOfReach: 'adm.bexley' },
  { lookup: 'household', type: 'Household', reaches: 'finder.1', outOfReach: 'adm.kent' },
  { lookup: 'panelMeeting', type: 'PanelMeeting', reaches: 'panel.1', outOfReach: 'panel.2' },
  { lookup: 'supportRequest', type: 'SupportRequest', reaches: 'support.1', outOfReach: null },
] as const;

const withMe = (lookup: string, id: string) => `{ me { id } ${lookup}(id: "${id}") { id } }`;
const node = (id: string) => `{ me { id } node(id: "${id}") { __typename id } }`;

describe.each(LOOKUPS)('$lookup(id)', ({ lookup, type, reaches, outOfReach }) => {
  it(`finds the record in reach (${reaches})`, async () => {
    const { data, errors } = await api().as(reaches)(withMe(lookup, ids[lookup]!));
    expect(errors).toBeUndefined();
    expect(data![lookup]).toEqual({ id: ids[lookup] });
  });

  it.each([['a missing record', reaches, MISSING_ID], ...(outOfReach ? [['a record out of reach', outOfReach, ids[lookup]]] : [])])(
    'answers %s (as %s) with null and NOT_FOUND at its path; `me` still arrives',
    async (_case, username, id) => {
      const { data, errors } = await api().as(username!)(withMe(lookup, id ?? ids[lookup]!));
      expect(data).toEqual({ me: { id: demoStaff(username!).id }, [lookup]: null });
      expect(errors).toEqual([
        expect.objectContaining({ path: [lookup], message: `${type} not found`, extensions: { code: 'NOT_FOUND' } }),
      ]);
    },
  );

  it(`node(id) answers as the lookup: the ${type} in reach, with its type`, async () => {
    const { data, errors } = await api().as(reaches)(node(ids[lookup]!));
    expect(errors).toBeUndefined();
    expect(data!.node).toEqual({ __typename: type, id: ids[lookup] });
  });
});

describe('node(id) out of reach', () => {
  const outOfReach = LOOKUPS.filter((l) => l.outOfReach).map((l) => [l.type, l.outOfReach, l.lookup] as const);

  it.each(outOfReach)('a %s out of reach (as %s) is null with NOT_FOUND, exactly as a missing id', async (_type, username, lookup) => {
    const refused = await api().as(username!)(node(ids[lookup]!));
    const missing = await api().as(username!)(node(MISSING_ID));
    expect(refused.data).toEqual({ me: { id: demoStaff(username!).id }, node: null });
    expect(refused.errors).toEqual([expect.objectContaining({ path: ['node'], extensions: { code: 'NOT_FOUND' } })]);
    expect(refused.errors![0]!.message).toBe(missing.errors![0]!.message);
  });

  it('a role that may never read a kind of record gets NOT_FOUND, not FORBIDDEN: the id’s kind is not told', async () => {
    const { data, errors } = await api().as('board.kent')(node(ids.child!));
    expect(data!.node).toBeNull();
    expect(errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('a malformed id is BAD_USER_INPUT, not a lookup', async () => {
    const { errors } = await api().as('adm.kent')(node('not-a-uuid'));
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('is kept in the access log as a refusal, like a refused lookup', async () => {
    await api().as('adm.bexley')(node(ids.child!));
    const refusals = await api()
      .dataSource.getRepository(AuditEventRecord)
      .findBy({ staffId: demoStaff('adm.bexley').id, outcome: 'REFUSED', action: 'node', subjectId: ids.child });
    expect(refusals).toContainEqual(expect.objectContaining({ subjectType: 'Node', subjectId: ids.child, reason: 'NOT_FOUND' }));
  });
});

it('several nodes of different kinds in one operation each answer, or fail alone', async () => {
  const { data, errors } = await api().as('adm.kent')(
    `{ c: node(id: "${ids.child}") { id } m: node(id: "${ids.match}") { ... on Match { status } } x: node(id: "${MISSING_ID}") { id } }`,
  );
  expect(data).toEqual({ c: { id: ids.child }, m: { status: expect.any(String) }, x: null });
  expect(errors).toEqual([expect.objectContaining({ path: ['x'] })]);
});
