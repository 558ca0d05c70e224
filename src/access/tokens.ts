import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';

/** How tokens are checked: a shared secret (development) or a JWKS URL, and the issuer and audience they must name. */
export type JwtSettings = { secret: string | null; jwksUrl: string | null; issuer: string; audience: string };

export type TokenVerifier = (token: string) => Promise<{ staffId: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEV_TOKEN_TTL = '8h';

export class InvalidToken extends Error {}

/**
 * The identity provider's keys could not be fetched (refused, timed out, not found, not a JWKS): no token can
 * be checked, whatever it holds. The message names the provider's host and the cause, never a token.
 */
export class IdentityProviderUnavailable extends Error {
  constructor(
    readonly host: string,
    cause: unknown,
  ) {
    super(`identity provider unavailable: ${host}, ${causeOf(cause)}`, { cause });
  }
}

function causeOf(error: unknown): string {
  if (error instanceof errors.JWKSTimeout) return 'timed out';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && !code.startsWith('ERR_J')) return code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * True when fetching the key set failed, as opposed to the token naming a key the set lacks: a network error,
 * a timeout, an answer other than 200 or not JSON (jose's plain JOSEError), or a malformed set.
 */
function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.constructor === errors.JOSEError;
}

/** How long a fetch of the key set may take before the provider counts as unavailable. */
const JWKS_TIMEOUT_MS = 5000;

/** The identity provider's key set, whose fetch failures are IdentityProviderUnavailable. */
function remoteKeys(jwksUrl: string, timeoutMs: number): JWTVerifyGetKey & { reload: () => Promise<void> } {
  const url = new URL(jwksUrl);
  const keys = createRemoteJWKSet(url, { timeoutDuration: timeoutMs });
  const unavailable = (error: unknown) => (isFetchFailure(error) ? new IdentityProviderUnavailable(url.host, error) : error);
  const getKey: JWTVerifyGetKey = (header, token) =>
    keys(header, token).catch((error: unknown) => {
      throw unavailable(error);
    });
  return Object.assign(getKey, {
    reload: () =>
      keys.reload().catch((error: unknown) => {
        throw unavailable(error);
      }),
  });
}

/** Fetches the identity provider's key set afresh: resolves when it answers with one, else IdentityProviderUnavailable. */
export function createJwksProbe(jwksUrl: string, timeoutMs = JWKS_TIMEOUT_MS): () => Promise<void> {
  return remoteKeys(jwksUrl, timeoutMs).reload;
}

/**
 * A token that verified is taken at its word again for at most a minute, never past its expiry: checking
 * an ES256 signature was a twentieth of the API's time on every request. The keys themselves are cached
 * for ten minutes by the JWKS client, so this adds no staleness to a key's withdrawal; a deactivated
 * member of staff is still refused, as the staff record is read on every request.
 */
const REUSED_FOR_MS = 60_000;
const TOKENS_REMEMBERED = 10_000;

/** The longest a token may live (exp − iat): a working day and a half, at most. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far the issuer's clock may run ahead of ours. */
const CLOCK_SKEW_SECONDS = 60;

/** A token must say when it was issued and when it expires, live at most 12 hours, and not come from the future. */
function assertLifetime(payload: JWTPayload): void {
  const { iat, exp } = payload;
  if (iat === undefined || exp === undefined) throw new InvalidToken('a token must carry iat and exp');
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidToken('a token may live at most 12 hours');
  if (iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw new InvalidToken('the token was issued in the future');
}

/**
 * Verifies a bearer token: HS256 with the development secret, or RS256/ES256 against the identity
 * provider's JWKS in production. The algorithm list is fixed, so `alg: none` and algorithm
 * confusion are refused; issuer, audience, expiry and not-before are checked, and the lifetime
 * (`assertLifetime`); `sub` is a staff id. When the key set cannot be fetched, IdentityProviderUnavailable:
 * the token may be good, so it is not refused as invalid.
 */
export function createTokenVerifier(jwt: JwtSettings, jwksTimeoutMs = JWKS_TIMEOUT_MS): TokenVerifier {
  const options = { issuer: jwt.issuer, audience: jwt.audience, requiredClaims: ['iat', 'exp'] };
  const jwks = jwt.jwksUrl ? remoteKeys(jwt.jwksUrl, jwksTimeoutMs) : null;
  const secret = new TextEncoder().encode(jwt.secret ?? '');
  const verify = (token: string) =>
    jwks
      ? jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] })
      : jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });

  const verified = new LRUCache<string, { staffId: string; until: number }>({ max: TOKENS_REMEMBERED });

  return async (token) => {
    const known = verified.get(token);
    if (known && Date.now() < known.until) return { staffId: known.staffId };
    try {
      const { payload } = await verify(token);
      assertLifetime(payload);
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) throw new InvalidToken('token subject is not a staff id');
      const staffId = payload.sub.toLowerCase();
      verified.set(token, { staffId, until: Math.min(Date.now() + REUSED_FOR_MS, payload.exp! * 1000) });
      return { staffId };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof InvalidToken) throw new InvalidToken(error.message);
      throw error;
    }
  };
}

/** A development token for a member of staff (HS256, 8 hours). Never used with a JWKS configuration. */
export async function signDevToken(jwt: JwtSettings, staffId: string, ttl: string = DEV_TOKEN_TTL): Promise<string> {
  if (!jwt.secret) throw new Error('development tokens need JWT_SECRET');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(staffId)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(jwt.secret));
}
