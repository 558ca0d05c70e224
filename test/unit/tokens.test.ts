import { SignJWT } from 'jose';
import { createTokenVerifier, InvalidToken } from '../../src/access/tokens';
import type { Config } from '../../src/app/config';

/** A verified token is reused for a short while, but never once it has expired. */
const jwt: Config['jwt'] = {
  issuer: 'apse-api',
  audience: 'apse-api',
  secret: 'a-test-secret-of-at-least-thirty-two-characters',
  jwksUrl: null,
};
const staffId = '7b0c6a3e-2f43-4d4e-9a51-0c7e1c2d9f10';
const START = Date.parse('2026-12-01T09:00:00Z');

const sign = (expiresInSeconds: number) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(staffId)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(new TextEncoder().encode(jwt.secret!));

beforeEach(() => jest.useFakeTimers({ now: START, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout'] }));
afterEach(() => jest.useRealTimers());

it('a token verified once is accepted again while it is valid', async () => {
  const verify = createTokenVerifier(jwt);
  const token = await sign(30);
  expect(await verify(token)).toEqual({ staffId });
  jest.setSystemTime(START + 20_000);
  expect(await verify(token)).toEqual({ staffId });
});

it('a token verified before it expired is refused once it has expired', async () => {
  const verify = createTokenVerifier(jwt);
  const token = await sign(30);
  await verify(token);
  jest.setSystemTime(START + 31_000);
  await expect(verify(token)).rejects.toBeInstanceOf(InvalidToken);
});

it('a token whose signature is wrong is refused every time, even after the genuine one was accepted', async () => {
  const verify = createTokenVerifier(jwt);
  const token = await sign(600);
  await verify(token);
  const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  await expect(verify(forged)).rejects.toBeInstanceOf(InvalidToken);
  await expect(verify(forged)).rejects.toBeInstanceOf(InvalidToken);
});
