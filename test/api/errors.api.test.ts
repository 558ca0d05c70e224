import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/** Unexpected failures are masked as INTERNAL_SERVER_ERROR; malformed operations are BAD_USER_INPUT. */
const testApi = useTestApi(async (api) => {
  await insertChild(api.dataSource, 'KENT');
});

it('a database failure reaches the client as INTERNAL_SERVER_ERROR with no internals, naming the request to quote', async () => {
  const api = testApi();
  await api.dataSource.query(`ALTER TABLE children RENAME COLUMN ethnicity TO ethnicity_moved`);
  try {
    const { data, errors, requestId } = await api.as('adm.kent')('{ children { edges { node { id } } } }');
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/ethnicity|column|children/);
  } finally {
    await api.dataSource.query(`ALTER TABLE children RENAME COLUMN ethnicity_moved TO ethnicity`);
  }
});

it.each([
  ['a syntax error', '{ children { '],
  ['an unknown field', '{ children { nope } }'],
])('%s in the operation is BAD_USER_INPUT', async (_case, query) => {
  const { status, errors } = await testApi().as('adm.kent')(query);
  expect(status).toBe(400);
  expect(errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
});

it('in development, a browser opening /graphql gets the Sandbox landing page', async () => {
  const request = (await import('supertest')).default;
  const res = await request(testApi().server.app).get('/graphql').set('accept', 'text/html');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/html/);
});

it('/healthz answers while the process runs (liveness; the database is /readyz’s question)', async () => {
  const request = (await import('supertest')).default;
  const res = await request(testApi().server.app).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
});
