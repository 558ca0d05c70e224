import request from 'supertest';
import { useTestApi } from '../helpers/test-api';

/** /readyz: whether this instance can serve; /healthz: whether the process is up. */
const api = useTestApi();

it('/readyz is 200 when the database answers, naming each dependency; without a JWKS there is no identity provider to ask', async () => {
  const res = await request(api().server.app).get('/readyz');
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.body).toEqual({ status: 'ready', database: 'ok', identityProvider: 'not configured' });
});

it('/healthz needs no token and no database: the process answers', async () => {
  const res = await request(api().server.app).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
});
