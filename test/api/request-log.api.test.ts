import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { createLogger } from '../../src/common/logger';
import { CREATE_CHILD } from '../helpers/operations';
import { DEFAULT_NOW, resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * One log line a request: method, path, operation name, status, duration, the server's request id and the staff
 * id when known. Never a variable's value, a header's value, the query text or a body.
 */
const FIRST_NAME = 'Ottoline-Loggable';
const SECRET_HEADER = 'x-shibboleth-7731';

const lines: string[] = [];
let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi(DEFAULT_NOW, undefined, testDatabaseUrl(), createLogger('info', { write: (line: string) => lines.push(line) }));
  await resetDatabase(api.dataSource);
  token = await signDevToken(TEST_CONFIG.jwt, demoStaff('ppm.kent').id);
});
afterAll(() => api?.close());

const requestLines = () => lines.map((line) => JSON.parse(line)).filter((entry) => entry.path !== undefined && entry.status !== undefined);

const lineOf = (requestId: string) => requestLines().filter((entry) => entry.requestId === requestId);

it('a GraphQL request is one line: method, path, operation name, status, duration, request id and staff id', async () => {
  const res = await request(api.server.app)
    .post('/graphql')
    .set({ authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': 'screen-7' })
    .send({ query: `mutation RecordChild${CREATE_CHILD.replace(/^mutation/, '')}`, variables: { input: childInput() } });
  expect(res.status).toBe(200);
  const [line, ...more] = lineOf(res.headers['x-request-id']);
  expect(more).toEqual([]);
  expect(line).toMatchObject({
    level: 30,
    method: 'POST',
    path: '/graphql',
    operationName: 'RecordChild',
    status: 200,
    requestId: res.headers['x-request-id'],
    staffId: demoStaff('ppm.kent').id,
  });
  expect(typeof line.durationMs).toBe('number');
});

it('the line carries no variable, header, token, query text or body', async () => {
  await request(api.server.app)
    .post('/graphql')
    .set({ authorization: `Bearer ${token}`, 'content-type': 'application/json', [SECRET_HEADER]: 'header-value-4410' })
    .send({ query: CREATE_CHILD, variables: { input: childInput() } });
  await request(api.server.app)
    .get('/graphql')
    .query({ query: '{ me { username } }', variables: JSON.stringify({ name: FIRST_NAME }) })
    .set({ authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' });
  for (const text of [FIRST_NAME, token, 'header-value-4410', SECRET_HEADER, 'createChild', 'username', 'variables']) {
    expect(lines.filter((line) => line.includes(text))).toEqual([]);
  }
});

it('a request refused before its operation runs is still one line, with its status and the operation name the client sent', async () => {
  const res = await request(api.server.app)
    .post('/graphql')
    .set({ authorization: 'Bearer not-a-token', 'content-type': 'application/json' })
    .send({ query: 'query Me { me { username } }', operationName: 'Me' });
  expect(res.status).toBe(401);
  expect(lineOf(res.headers['x-request-id'])).toEqual([expect.objectContaining({ status: 401, operationName: 'Me' })]);
  expect(lineOf(res.headers['x-request-id'])[0].staffId).toBeUndefined();
});

it('an operation name that is no GraphQL name is not logged', async () => {
  const res = await request(api.server.app)
    .post('/graphql')
    .set({ 'content-type': 'application/json' })
    .send({ query: '{ me { username } }', operationName: `${FIRST_NAME} 2019-07-23` });
  expect(lineOf(res.headers['x-request-id'])[0].operationName).toBeUndefined();
});

it('every line has one time', async () => {
  await request(api.server.app).get('/healthz');
  expect(lines.length).toBeGreaterThan(4);
  for (const line of lines) expect(line.match(/"time":/g)).toHaveLength(1);
});

it('the other routes are logged too, with a request id of their own', async () => {
  await request(api.server.app).get('/readyz');
  const health = requestLines().filter((entry) => entry.path === '/readyz');
  expect(health).toEqual([expect.objectContaining({ method: 'GET', status: 200, requestId: expect.any(String) })]);
});

function childInput() {
  return { authority: 'KENT', firstName: FIRST_NAME, lastName: 'Smith', dateOfBirth: '2021-03-04', enteredCareOn: '2022-01-15' };
}
