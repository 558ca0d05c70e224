import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { ChildRecord } from '../../src/journey/child.entity';
import { insertHousehold } from '../helpers/journey-factories';
import { CREATE_CHILD, LIST_CHILDREN } from '../helpers/operations';
import { insertChildren } from '../helpers/factories';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/** Bad input is the client's mistake: a 4xx, BAD_USER_INPUT naming where it was, never a 5xx; nothing is written. */
const api = useTestApi(async ({ dataSource }) => {
  await insertChildren(dataSource, 'KENT', 3);
  await insertHousehold(dataSource, { stage: 'APPROVED' });
});

const child = (overrides: Record<string, unknown>) => ({
  input: { authority: 'KENT', firstName: 'Ada', lastName: 'Smith', dateOfBirth: '2023-05-01', enteredCareOn: '2024-02-12', ...overrides },
});
const countChildren = () => api().dataSource.getRepository(ChildRecord).count();

describe('text', () => {
  it.each([
    ['a NUL character', 'Ad\u0000a'],
    ['another control character', 'Ad\u0007a'],
    ['half of a surrogate pair', 'Ada\uD800'],
    ['a bidirectional override', 'Ada\u202Eevil'],
  ])('a name holding %s is refused with BAD_USER_INPUT naming the field, nothing written', async (_case, firstName) => {
    const before = await countChildren();
    const { status, errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ firstName }));
    expect(status).toBe(400);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.firstName' });
    expect(await countChildren()).toBe(before);
  });

  it('a NUL character written in the operation itself is refused, named by its argument', async () => {
    const { status, errors } = await api().as('ppm.kent')(
      `mutation { createChild(input: { authority: KENT, firstName: "A\\u0000", lastName: "S", dateOfBirth: "2023-05-01", enteredCareOn: "2024-02-12" }) { id } }`,
    );
    expect(status).toBe(400);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.firstName' });
  });

  it.each([
    ['a zero-width space', '\u200B'],
    ['a no-break space and a zero-width joiner', '\u00A0\u200D'],
    ['a Hangul filler', '\u3164'],
  ])('a name that is blank to the eye (%s) is refused with BAD_USER_INPUT naming the field', async (_case, firstName) => {
    const { errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ firstName }));
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
  });

  it('a name is stored in Unicode normal form C', async () => {
    const { data, errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ firstName: 'Zoe\u0308' }));
    expect(errors).toBeUndefined();
    expect(data!.createChild.firstName).toBe('Zo\u00EB');
  });
});

describe('dates and months', () => {
  it.each(['0000-01-01', '0090-01-01', '1899-12-31', '2101-01-01'])(
    'a date of %s is refused with BAD_USER_INPUT naming the field',
    async (dateOfBirth) => {
      const { status, errors } = await api().as('ppm.kent')(CREATE_CHILD, child({ dateOfBirth }));
      expect(status).toBe(400);
      expect(errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toMatch(/dateOfBirth/);
    },
  );

  it.each(['0000-01-01', '0090-01-01', '2101-01-01'])(
    'a date of %s written literally in the operation is refused with BAD_USER_INPUT naming the field',
    async (day) => {
      const { status, errors } = await api().as('adviser.1')(`{ panels { meetings(from: "${day}", to: "2021-01-01") { id } } }`);
      expect(status).toBe(400);
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
      expect(errors![0]!.message).toMatch(/^from: /);
    },
  );

  it.each([
    ['0090-01', '2021-05', 'from'],
    ['2020-11', '2101-01', 'to'],
  ])('a board period from %s to %s is refused with BAD_USER_INPUT naming the field', async (from, to, field) => {
    const { errors } = await api().as('board.kent')(`{ boardPerformance(from: "${from}", to: "${to}") { partnership { month } } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('months, financial years and money', () => {
  it.each(['2024-26', '2024/25', '24-25', '1899-00'])(
    'a financial year of %s is refused with BAD_USER_INPUT naming the argument',
    async (financialYear) => {
      const { status, errors } = await api().as('board.kent')(`{ pooledBudget(financialYear: "${financialYear}") { financialYear } }`);
      expect(status).toBe(400);
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'financialYear' });
    },
  );

  it.each([
    ['a month that is not one', { from: '2021-13', to: '2021-05' }],
    ['a day', { from: '2021-01-01', to: '2021-05' }],
    ['a number', { from: 202101, to: '2021-05' }],
  ])('a board period of %s passed as a variable is refused with BAD_USER_INPUT', async (_case, variables) => {
    const { status, errors } = await api().as('board.kent')(
      'query Board($from: Month!, $to: Month!) { boardPerformance(from: $from, to: $to) { from } }',
      variables,
    );
    expect(status).toBe(400);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a Month and a FinancialYear passed as variables are accepted, the months answered as asked', async () => {
    const { data, errors } = await api().as('board.kent')(
      'query Board($from: Month!, $year: FinancialYear) { boardPerformance(from: $from, to: "2021-05") { from to } pooledBudget(financialYear: $year) { financialYear } }',
      { from: '2021-01', year: '2024-25' },
    );
    expect(errors).toBeUndefined();
    expect(data!.boardPerformance).toEqual({ from: '2021-01', to: '2021-05' });
  });
});

describe('lists that grow with the data', () => {
  it('a panel’s meetings over more than a year are refused with BAD_USER_INPUT naming `to`', async () => {
    const { errors } = await api().as('adviser.1')('{ panels { meetings(from: "2020-01-01", to: "2026-12-31") { id } } }');
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('a panel’s meetings over a year are listed', async () => {
    const { errors } = await api().as('adviser.1')('{ panels { meetings(from: "2026-01-01", to: "2026-12-31") { id } } }');
    expect(errors).toBeUndefined();
  });
});

describe('cursors', () => {
  it.each([
    ['garbage', 'not a cursor at all'],
    ['forged', Buffer.from(JSON.stringify(['children', 'yesterday', 'x'])).toString('base64url')],
  ])('a %s cursor is refused with BAD_USER_INPUT naming `after`', async (_case, after) => {
    const { errors } = await api().as('adm.kent')(LIST_CHILDREN, { first: 2, after });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('a cursor of another list is refused with BAD_USER_INPUT naming `after`', async () => {
    const households = await api().as('finder.1')('{ households(first: 1) { pageInfo { endCursor } } }');
    const after = households.data!.households.pageInfo.endCursor;
    expect(after).toEqual(expect.any(String));
    const { errors } = await api().as('adm.kent')(LIST_CHILDREN, { first: 2, after });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('operations and bodies', () => {
  const post = async (body: string | object, contentType = 'application/json') =>
    request(api().server.app)
      .post('/graphql')
      .set({ authorization: `Bearer ${await signDevToken(TEST_CONFIG.jwt, demoStaff('adm.kent').id)}`, 'content-type': contentType })
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it('a subscription, which this API does not serve, is refused with 400 BAD_USER_INPUT, not an internal error', async () => {
    const res = await post({ query: 'subscription { me { id } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a body in a charset other than UTF-8 is refused with 415', async () => {
    const res = await post(
      Buffer.from(JSON.stringify({ query: '{ me { id } }' }), 'utf16le').toString('latin1'),
      'application/json; charset=utf-16le',
    );
    expect(res.status).toBe(415);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a JSON body with a key twice in one object is refused with 400', async () => {
    const res = await post('{"query": "{ me { id } }", "variables": {"id": 1, "id": 2}}');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      message: 'The request body has a key twice in one object',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a JSON body whose repeated names sit in different objects is read as usual', async () => {
    const res = await post(
      '{"query": "query ($a: ID!) { child(id: $a) { id } }", "variables": {"a": "00000000-0000-4000-8000-000000000000"}, "extensions": {"a": 1}}',
    );
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
