import { newAuditSigningKeyPem } from '../helpers/audit-signing-key';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { systemClock } from '../../src/common/clock';
import { loadConfig } from '../../src/app/config';
import { createDataSource } from '../../src/app/data-source';
import { appDepsFrom } from '../../src/app/request-context';
import { createLogger } from '../../src/common/logger';
import { createServer, type ApiServer } from '../../src/app/server';
import { resetDatabase, TEST_CONFIG } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';
import { manifestFile } from '../helpers/trusted-documents';

/**
 * Production: tokens come from the identity provider's JWKS (RS256), the development secret is
 * worthless, neither introspection nor the landing page is served, and only trusted documents run.
 */
const ME = '{ me { username } }';
const INTROSPECTION = '{ __schema { types { name } } }';
const MISSPELT = '{ childern { totalCount } }';
const MALFORMED: [string, string, RegExp][] = [
  ['a field missing its selection', '{ me }', /Staff|me/],
  ['a field on the wrong type', '{ me { childern } }', /Staff|childern/],
  ['an unknown enum value', '{ children(filter: { stage: MATCHD }) { totalCount } }', /ChildStage|MATCHD|Did you mean/],
  ['an unknown argument', '{ children(frist: 5) { totalCount } }', /frist|children/],
  ['a 90,000-character field name', `{ ${'x'.repeat(90_000)} }`, /xxxx/],
];
/** The front end's manifest: what this file sends, the documents that fail validation included, to show what production says of them. */
const TRUSTED = [ME, INTROSPECTION, MISSPELT, ...MALFORMED.map(([, query]) => query)];
const dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 2, log: createLogger('silent') });
let jwks: Server;
let api: ApiServer;
let privateKey: KeyLike;
const ISSUER = 'https://login.apse.example';

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey as KeyLike;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createHttpServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const config = loadConfig({
    NODE_ENV: 'production',
    AUDIT_SIGNING_KEY: newAuditSigningKeyPem(),
    JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: 'apse-api',
    TRUSTED_DOCUMENTS: manifestFile(TRUSTED),
  });
  await dataSource.initialize();
  await resetDatabase(dataSource);
  api = await createServer(appDepsFrom(config, dataSource, createLogger('silent'), systemClock));
});
afterAll(async () => {
  await api.stop();
  await dataSource.destroy();
  jwks.close();
});

const post = (token: string, query: string) =>
  request(api.app).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send({ query });

const rs256 = (sub: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience('apse-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

it('an RS256 token from the identity provider authenticates', async () => {
  const res = await post(await rs256(demoStaff('adm.kent').id), ME);
  expect(res.body.data.me.username).toBe('adm.kent');
});

it('an HS256 token made with the development secret is refused', async () => {
  const devToken = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(demoStaff('adm.kent').id)
    .setIssuer(ISSUER)
    .setAudience('apse-api')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_CONFIG.jwt.secret!));
  const res = await post(devToken, ME);
  expect(res.status).toBe(401);
  expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

it('introspection is off, even as a document of the manifest', async () => {
  const res = await post(await rs256(demoStaff('adm.kent').id), INTROSPECTION);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.body.data).toBeUndefined();
});

it.each([
  ['an operation', '{ me { username displayName } }'],
  ['introspection', '{ __type(name: "Child") { fields { name } } }'],
])('%s not in the manifest is refused as OPERATION_NOT_TRUSTED', async (_case, query) => {
  const res = await post(await rs256(demoStaff('adm.kent').id), query);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions).toEqual({ code: 'OPERATION_NOT_TRUSTED', reason: 'UNLISTED_OPERATION' });
});

it('a misspelt field gets no suggestion that would map the schema', async () => {
  const res = await post(await rs256(demoStaff('adm.kent').id), MISSPELT);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].message).not.toMatch(/Did you mean/i);
});

it.each(MALFORMED)(
  'in production, %s is refused naming no type, field, argument or suggestion: its code and place only',
  async (_case, query, leak) => {
    const res = await post(await rs256(demoStaff('adm.kent').id), query);
    expect(res.status).toBe(400);
    for (const error of res.body.errors) {
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(error.message).not.toMatch(leak);
      expect(error.message.length).toBeLessThan(100);
    }
  },
);

it('the landing page is not served', async () => {
  const res = await request(api.app).get('/graphql').set('accept', 'text/html');
  expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
});

it('offers no demo tokens to the pages: a token from the identity provider is pasted instead', async () => {
  const res = await request(api.app).get('/pages/demo-tokens.json');
  expect(res.status).toBe(404);
  expect(res.body.message).toMatch(/development only/);
});
