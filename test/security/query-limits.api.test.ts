import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { QUERY_LIMITS } from '../../src/graphql/query-limits';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/** Hostile operations are refused before they run, as GraphQL errors with a 4xx status — never a 5xx. */
const api = useTestApi();

async function post(body: unknown, contentType = 'application/json') {
  const token = await signDevToken(TEST_CONFIG.jwt, demoStaff('adm.kent').id);
  const req = request(api().server.app).post('/graphql').set('content-type', contentType).set('authorization', `Bearer ${token}`);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** `{ children { edges { node { matches { household { … } } } } } }` nested past the depth limit. */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i += 1) selection = `matches { child { ${selection} } }`;
  return `{ children { edges { node { ${selection} } } } }`;
}

it.each([
  ['an operation nested deeper than the limit', deepQuery(QUERY_LIMITS.depth), 'DEPTH_LIMIT_EXCEEDED', 'depth', QUERY_LIMITS.depth],
  [
    'more aliases than the limit',
    `{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { username }`).join(' ')} }`,
    'ALIAS_LIMIT_EXCEEDED',
    'aliases',
    QUERY_LIMITS.aliases,
  ],
  [
    'more tokens than the limit',
    `{ ${'me { username } '.repeat(QUERY_LIMITS.tokens / 4)} }`,
    'TOKEN_LIMIT_EXCEEDED',
    'tokens',
    QUERY_LIMITS.tokens,
  ],
  [
    'more directives than the limit',
    `{ me { username ${'@include(if: true) '.repeat(QUERY_LIMITS.directives + 1)} } }`,
    'DIRECTIVE_LIMIT_EXCEEDED',
    'directives',
    QUERY_LIMITS.directives,
  ],
])('refuses %s with 400 and a code of its own, naming the limit and how far it was passed', async (_case, query, code, limit, max) => {
  const res = await post({ query });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions).toMatchObject({ code, limit, max });
  expect(res.body.errors[0].extensions.found).toBeGreaterThan(max);
  expect(res.body.data).toBeUndefined();
});

/** `count` aliased pages of `first` children, each with four relations, the page size as a variable or written. */
function pagesOfChildren(count: number, first: number | '$first'): string {
  const page = `children(first: ${first}) { edges { node { id firstName stage decisions { kind outcome decidedOn }
    placementOrder { grantedOn } matches { id status household { reference stage } } placements { kind placedOn } } } }`;
  const pages = Array.from({ length: count }, (_, i) => `p${i}: ${page}`).join(' ');
  return first === '$first' ? `query ($first: Int) { ${pages} }` : `{ ${pages} }`;
}

describe('cost', () => {
  it('the README’s page of 100 children with four relations runs', async () => {
    const res = await post({ query: pagesOfChildren(1, 100) });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('fifteen aliased pages of 100 children with their relations are refused, the page size passed as a variable', async () => {
    const res = await post({ query: pagesOfChildren(15, '$first'), variables: { first: 100 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 'cost', max: QUERY_LIMITS.cost });
    expect(res.body.data).toBeUndefined();
  });

  it('a page is priced the same whether its size is written in the operation or passed as a variable', async () => {
    const literal = await post({ query: pagesOfChildren(15, 100) });
    const variable = await post({ query: pagesOfChildren(15, '$first'), variables: { first: 100 } });
    expect(literal.body.errors[0].extensions.found).toBe(variable.body.errors[0].extensions.found);
  });
});

it('an operation within the limits runs', async () => {
  const res = await post({ query: deepQuery(2) });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
});

it('refuses a batch of operations in one request with 400', async () => {
  const res = await post([{ query: '{ me { username } }' }, { query: '{ me { username } }' }]);
  expect(res.status).toBe(400);
});

it('refuses a body over 100 kB with 413, as a GraphQL error', async () => {
  const res = await post({ query: `{ me { username } } # ${'x'.repeat(110_000)}` });
  expect(res.status).toBe(413);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

it('refuses a body that is not JSON with 400, as a GraphQL error', async () => {
  const res = await post('{"query": ');
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});
