import { createHash } from 'node:crypto';
import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/** What a browser, a proxy or another caller could keep of an answer: nothing. */
const api = useTestApi();
const post = async (username: string, body: object) =>
  request(api().server.app)
    .post('/graphql')
    .set({ authorization: `Bearer ${await signDevToken(TEST_CONFIG.jwt, demoStaff(username).id)}`, 'content-type': 'application/json' })
    .send(body);

it('every GraphQL response is Cache-Control: no-store and carries no ETag, answered or refused', async () => {
  for (const res of [
    await post('adm.kent', { query: '{ me { id } }' }),
    await post('board.kent', { query: '{ children { totalCount } }' }),
  ]) {
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  }
});

it('automatic persisted queries are off: one caller cannot learn by its hash whether another ran a query', async () => {
  const query = '{ me { username } }';
  const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
  const registered = await post('adm.kent', { query, extensions: { persistedQuery } });
  expect(registered.body.data).toBeFalsy();
  const probe = await post('adm.medway', { extensions: { persistedQuery } });
  expect(probe.body.data).toBeFalsy();
  expect(probe.body.errors[0].message).not.toMatch(/found/i);
  expect(probe.body.errors[0].extensions).toEqual({ code: 'OPERATION_NOT_TRUSTED', reason: 'UNKNOWN_DOCUMENT_ID' });
  expect(probe.headers['cache-control']).toBe('no-store');
});
