import request from 'supertest';
import { loadConfig } from '../../src/app/config';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { DEFAULT_NOW, resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';

/** CORS: a browser front end on an allowed origin may call /graphql; any other origin is told nothing. */
const FRONT_END = 'http://localhost:5173';
const ELSEWHERE = 'https://evil.example.org';
const CORS_HEADER = /^access-control-/;

let api: TestApi;
let closed: TestApi;
beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CORS_ORIGINS: `${FRONT_END}, https://apse.example.org` });
  api = await startTestApi(DEFAULT_NOW, undefined, undefined, undefined, undefined, undefined, config);
  closed = await startTestApi(DEFAULT_NOW, undefined, undefined, undefined, undefined, undefined, TEST_CONFIG);
  await resetDatabase(api.dataSource);
});
afterAll(async () => {
  await api?.close();
  await closed?.close();
});

const preflight = (app: TestApi, origin: string) =>
  request(app.server.app)
    .options('/graphql')
    .set('origin', origin)
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', 'content-type, authorization');

const post = async (app: TestApi, origin: string) =>
  request(app.server.app)
    .post('/graphql')
    .set('origin', origin)
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${await signDevToken(TEST_CONFIG.jwt, demoStaff('adm.kent').id)}`)
    .send({ query: '{ me { username } }' });

const corsHeadersOf = (headers: Record<string, string>) => Object.keys(headers).filter((name) => CORS_HEADER.test(name));

describe('an allowed origin (a Vite dev server)', () => {
  it('passes the preflight: 204 with its origin, POST and GET, the headers a front end sends, and Vary: Origin', async () => {
    const res = await preflight(api, FRONT_END);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(FRONT_END);
    expect(res.headers['access-control-allow-methods']).toBe('POST,GET');
    expect(res.headers['access-control-allow-headers']).toBe(
      'content-type,authorization,x-request-id,idempotency-key,apollo-require-preflight',
    );
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('reads the answer to its POST, its x-request-id and whether it replays a stored response', async () => {
    const res = await post(api, FRONT_END);
    expect(res.status).toBe(200);
    expect(res.body.data.me.username).toBe('adm.kent');
    expect(res.headers['access-control-allow-origin']).toBe(FRONT_END);
    expect(res.headers['access-control-expose-headers']).toBe('x-request-id,idempotent-replayed');
    expect(res.headers.vary).toMatch(/Origin/);
  });
});

describe('any other origin', () => {
  it('gets no CORS header on its preflight, so the browser sends nothing', async () => {
    const res = await preflight(api, ELSEWHERE);
    expect(corsHeadersOf(res.headers)).toEqual([]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('gets no CORS header on a POST, so the browser keeps the answer from its page', async () => {
    const res = await post(api, ELSEWHERE);
    expect(corsHeadersOf(res.headers)).toEqual([]);
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('an origin that differs from an allowed one only by its port or scheme is another origin', async () => {
    for (const origin of ['http://localhost:5174', 'https://localhost:5173', 'http://localhost:5173.evil.example.org']) {
      expect(corsHeadersOf((await preflight(api, origin)).headers)).toEqual([]);
    }
  });

  it('with CORS_ORIGINS unset, even the Vite dev server gets no CORS header', async () => {
    expect(corsHeadersOf((await preflight(closed, FRONT_END)).headers)).toEqual([]);
    expect(corsHeadersOf((await post(closed, FRONT_END)).headers)).toEqual([]);
  });
});

describe("Apollo's CSRF prevention stays on", () => {
  it('a GET without a preflight-forcing header is refused, from an allowed origin too', async () => {
    const res = await request(api.server.app).get('/graphql').query({ query: '{ me { username } }' }).set('origin', FRONT_END);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/CSRF|apollo-require-preflight/i);
  });
});

describe('the pages', () => {
  it('carry no CORS header: they are served to their own origin only', async () => {
    const res = await request(api.server.app).get('/board').set('origin', FRONT_END);
    expect(corsHeadersOf(res.headers)).toEqual([]);
  });
});
