import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { createTokenVerifier, IdentityProviderUnavailable } from '../../src/access/tokens';
import { loadConfig } from '../../src/app/config';
import { createLogger } from '../../src/common/logger';
import { DEFAULT_NOW, resetDatabase, startTestApi, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * The identity provider unreachable or misconfigured: no token can be checked, so every request is
 * IDENTITY_PROVIDER_UNAVAILABLE (503, Retry-After), logged with its cause and never a token; /readyz says so.
 * A bad or expired token from a provider that answers stays UNAUTHENTICATED.
 */
type Answer = 'jwks' | 'html' | 'silence';
const ME = '{ me { username } }';

let keys: { publicKey: KeyLike; privateKey: KeyLike };
let otherKeys: { publicKey: KeyLike; privateKey: KeyLike };
const servers: Server[] = [];
const apis: TestApi[] = [];

async function provider(answer: Answer): Promise<string> {
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] });
  const server = createServer((_req, res) => {
    if (answer === 'jwks') res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    if (answer === 'html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
}

async function closedPort(): Promise<string> {
  const url = await provider('jwks');
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

async function apiOn(jwksUrl: string, lines: string[] = []): Promise<TestApi> {
  const config = loadConfig({ NODE_ENV: 'test', JWKS_URL: jwksUrl });
  const log = createLogger('info', { write: (line: string) => lines.push(line) });
  const api = await startTestApi(DEFAULT_NOW, undefined, testDatabaseUrl(), log, undefined, undefined, config);
  apis.push(api);
  return api;
}

const sign = (privateKey: KeyLike, expiresAt: string | number = '1h', kid = 'k1') =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject(demoStaff('adm.kent').id)
    .setIssuer('apse-api')
    .setAudience('apse-api')
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(privateKey);

const ask = (api: TestApi, token: string) =>
  request(api.server.app)
    .post('/graphql')
    .set({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })
    .send({ query: ME });

beforeAll(async () => {
  keys = await generateKeyPair('ES256');
  otherKeys = await generateKeyPair('ES256');
});
afterAll(async () => {
  await Promise.all(apis.map((api) => api.close()));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('an identity provider that refuses connections', () => {
  it('every request is IDENTITY_PROVIDER_UNAVAILABLE (503, Retry-After), logged once naming the host and ECONNREFUSED, never the token', async () => {
    const lines: string[] = [];
    const url = await closedPort();
    const api = await apiOn(url, lines);
    await resetDatabase(api.dataSource);
    const token = await sign(keys.privateKey);
    const res = await ask(api, token);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryAfterSeconds: 5, requestId: res.headers['x-request-id'] },
      }),
    ]);
    expect(res.body.data).toBeUndefined();

    const logged = lines.map((line) => JSON.parse(line)).filter((entry) => entry.requestId === res.headers['x-request-id'] && entry.err);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, msg: `identity provider unavailable: ${new URL(url).host}, ECONNREFUSED` });
    expect(lines.filter((line) => line.includes(token) || line.includes(token.split('.')[1]!))).toEqual([]);
  });

  it('/readyz is 503 and names the identity provider', async () => {
    const api = await apiOn(await closedPort());
    const res = await request(api.server.app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'not ready', database: 'ok', identityProvider: 'unavailable' });
  });
});

describe('an identity provider that answers with something other than a key set', () => {
  it('a web page in place of the JWKS is IDENTITY_PROVIDER_UNAVAILABLE, logged as not JSON', async () => {
    const lines: string[] = [];
    const api = await apiOn(await provider('html'), lines);
    const res = await ask(api, await sign(keys.privateKey));
    expect(res.status).toBe(503);
    expect(res.body.errors[0].extensions.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 50).msg).toMatch(/identity provider unavailable: .*JSON/);
  });
});

describe('an identity provider that does not answer', () => {
  it('the fetch of its keys gives up after its timeout: IdentityProviderUnavailable, "timed out"', async () => {
    const url = await provider('silence');
    const verify = createTokenVerifier({ secret: null, jwksUrl: url, issuer: 'apse-api', audience: 'apse-api' }, 300);
    const started = Date.now();
    const failure = await verify(await sign(keys.privateKey)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IdentityProviderUnavailable);
    expect((failure as Error).message).toMatch(/timed out$/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('an identity provider that answers', () => {
  it('a good token is served, a token signed by another key or expired is UNAUTHENTICATED, and /readyz is ready', async () => {
    const api = await apiOn(await provider('jwks'));
    await resetDatabase(api.dataSource);
    const good = await ask(api, await sign(keys.privateKey));
    expect(good.status).toBe(200);
    expect(good.body.data.me.username).toBe('adm.kent');
    for (const token of [
      await sign(otherKeys.privateKey),
      await sign(otherKeys.privateKey, '1h', 'k2'),
      await sign(keys.privateKey, Math.floor(Date.now() / 1000) - 60),
    ]) {
      const refused = await ask(api, token);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const ready = await request(api.server.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'ok', identityProvider: 'ok' });
  });
});
