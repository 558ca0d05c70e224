import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/auth/tokens';
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
  ['an operation nested deeper than the limit', deepQuery(QUERY_LIMITS.depth)],
  ['more aliases than the limit', `{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { username }`).join(' ')} }`],
  ['more tokens than the limit', `{ ${'me { username } '.repeat(QUERY_LIMITS.tokens / 4)} }`],
  ['more directives than the limit', `{ me { username ${'@include(if: true) '.repeat(QUERY_LIMITS.directives + 1)} } }`],
])('refuses %s with 400 BAD_USER_INPUT', async (_case, query) => {
  const res = await post({ query });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.body.data).toBeUndefined();
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
