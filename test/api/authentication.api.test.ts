import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { demoStaff } from '../../seeds/demo-staff';
import { StaffRecord } from '../../src/staff/staff.entity';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/** Every way a bearer token can be wrong ends in UNAUTHENTICATED (HTTP 401), and nothing is read. */
const api = useTestApi();
const ME = '{ me { username roles { role authority panelId panelRole } } }';
const secret = new TextEncoder().encode(TEST_CONFIG.jwt.secret!);
const now = () => Math.floor(Date.now() / 1000);
const kentAdm = demoStaff('adm.kent').id;

type Claims = { sub?: string; iss?: string; aud?: string; exp?: number | null; nbf?: number; iat?: number | null };
function sign(claims: Claims, key: Uint8Array = secret): Promise<string> {
  const { sub = kentAdm, iss = TEST_CONFIG.jwt.issuer, aud = TEST_CONFIG.jwt.audience, exp = now() + 600, nbf, iat = now() } = claims;
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(iss).setAudience(aud);
  if (iat !== null) jwt.setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  if (nbf) jwt.setNotBefore(nbf);
  return jwt.sign(key);
}
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

it('a valid token for an active member of staff authenticates as them', async () => {
  const { status, data } = await api().withHeader(`Bearer ${await sign({})}`, ME);
  expect(status).toBe(200);
  expect(data!.me).toEqual({ username: 'adm.kent', roles: [{ role: 'ADM', authority: 'KENT', panelId: null, panelRole: null }] });
});

it('a token issued a few seconds ahead of the API’s clock, and one living exactly 12 hours, authenticate', async () => {
  for (const token of [await sign({ iat: now() + 30, exp: now() + 600 }), await sign({ iat: now(), exp: now() + 12 * 3600 })]) {
    expect((await api().withHeader(`Bearer ${token}`, ME)).status).toBe(200);
  }
});

it('a panel member’s roles name their panel and panel role', async () => {
  const { data } = await api().as('panel.1')(ME);
  expect(data!.me.roles).toEqual([
    { role: 'PANEL_MEMBER', authority: null, panelId: demoStaff('panel.1').assignments[0]!.panelId, panelRole: 'CHAIR' },
  ]);
});

describe('refused with UNAUTHENTICATED', () => {
  const cases: [string, () => Promise<string | null>][] = [
    ['no Authorization header', async () => null],
    ['a scheme other than Bearer', async () => `Basic ${Buffer.from('adm.kent:secret').toString('base64')}`],
    ['a malformed token', async () => 'Bearer not.a.jwt'],
    ['an expired token', async () => `Bearer ${await sign({ exp: now() - 60 })}`],
    ['a token not yet valid', async () => `Bearer ${await sign({ nbf: now() + 3600 })}`],
    ['a token signed with another secret', async () => `Bearer ${await sign({}, new TextEncoder().encode('x'.repeat(48)))}`],
    [
      'a token whose payload was altered after signing',
      async () => {
        const [header, , signature] = (await sign({})).split('.');
        const forged = b64({
          sub: demoStaff('adm.medway').id,
          iss: TEST_CONFIG.jwt.issuer,
          aud: TEST_CONFIG.jwt.audience,
          exp: now() + 600,
        });
        return `Bearer ${header}.${forged}.${signature}`;
      },
    ],
    [
      'an unsigned token (alg: none)',
      async () =>
        `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: kentAdm, iss: TEST_CONFIG.jwt.issuer, aud: TEST_CONFIG.jwt.audience, exp: now() + 600 })}.`,
    ],
    ['a token from another issuer', async () => `Bearer ${await sign({ iss: 'someone-else' })}`],
    ['a token for another audience', async () => `Bearer ${await sign({ aud: 'another-api' })}`],
    ['a token whose subject is not a staff id', async () => `Bearer ${await sign({ sub: 'adm.kent' })}`],
    ['a token without an expiry (exp)', async () => `Bearer ${await sign({ exp: null })}`],
    ['a token without an issue time (iat)', async () => `Bearer ${await sign({ iat: null })}`],
    ['a token that lives longer than 12 hours', async () => `Bearer ${await sign({ iat: now(), exp: now() + 12 * 3600 + 60 })}`],
    ['a token issued more than a minute in the future', async () => `Bearer ${await sign({ iat: now() + 300, exp: now() + 3600 })}`],
    ['a token for a member of staff who does not exist', async () => `Bearer ${await sign({ sub: randomUUID() })}`],
  ];

  it.each(cases)('%s', async (_case, header) => {
    const { status, data, errors } = await api().withHeader(await header(), ME);
    expect(status).toBe(401);
    expect(data ?? null).toBeNull();
    expect(errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a token for a deactivated member of staff', async () => {
    const leaver = await api()
      .dataSource.getRepository(StaffRecord)
      .save({ username: 'leaver.1', displayName: 'Former employee', active: false });
    const { status, errors } = await api().withHeader(`Bearer ${await sign({ sub: leaver.id })}`, ME);
    expect(status).toBe(401);
    expect(errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
