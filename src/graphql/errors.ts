import { GraphQLError } from 'graphql';
import type { ChangeRefusedReason } from '../db/change-refused';
import { LIMIT_CODES } from './limit-exceeded';

/** The stable codes (docs/api-contract.md, "Error codes"): front ends switch on `extensions.code`, not messages. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
  'IDENTITY_PROVIDER_UNAVAILABLE',
  'INVALID_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
  'OPERATION_NOT_TRUSTED',
  ...Object.values(LIMIT_CODES),
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  INVALID_IDEMPOTENCY_KEY: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
};

function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

export function unauthenticated(message = 'Authentication required'): GraphQLError {
  return appError('UNAUTHENTICATED', message);
}

/** What a refusal was about, for the access log only: never sent to the caller. */
export type RefusedSubject = { subjectType?: string; subjectId?: string | null };

export class RefusalError extends GraphQLError {
  constructor(
    code: 'FORBIDDEN' | 'NOT_FOUND',
    message: string,
    extensions: Record<string, unknown>,
    readonly subject: RefusedSubject,
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** A refusal of an action: `reason` is a stable code a front end may explain. */
export function forbidden(reason: string, subject: RefusedSubject = {}, message = 'You may not do this'): GraphQLError {
  return new RefusalError('FORBIDDEN', message, { reason }, subject);
}

/** Missing, or out of the actor's reach: the two are deliberately indistinguishable, so no reason. */
export function notFound(type: string, id: string | null = null): GraphQLError {
  return new RefusalError('NOT_FOUND', `${type} not found`, {}, { subjectType: type, subjectId: id });
}

/** One input field at fault: its path in the arguments, and the rule it breaks. */
export type FieldFault = { field: string; message: string };

/**
 * Bad input, naming every field at fault in `fields`, so a form learns all its mistakes at once; `field` is the
 * first of them, kept for clients that read one.
 */
export function invalidInput(faults: readonly [FieldFault, ...FieldFault[]]): GraphQLError {
  const message = faults.map((f) => `${f.field}: ${f.message}`).join('; ');
  return appError('BAD_USER_INPUT', message, { field: faults[0].field, fields: faults });
}

/** Bad input in one field, naming it (its path in the arguments) and the rule it breaks. */
export function badUserInput(field: string, message: string): GraphQLError {
  return invalidInput([{ field, message }]);
}

/** The fields a BAD_USER_INPUT names: none for any other error. */
export function fieldFaultsOf(error: unknown): FieldFault[] {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') return [];
  return (error.extensions.fields as FieldFault[] | undefined) ?? [];
}

/**
 * Why a change conflicts, always given: a front end decides by it whether to reload, retry, or tell the user.
 * - `STALE_VERSION`: the record changed since the version sent;
 * - `ALREADY_RECORDED`: the one-off step, or the state it brings about, is already recorded;
 * - `ALREADY_IN_PROGRESS`: one of a kind that is open one at a time is open (a child's open match, a current
 *   placement, a match awaiting the panel);
 * - `ALREADY_TAKEN`: a value that names one record only (a username, an email) names another;
 * - `ROLE_ALREADY_HELD`: the member of staff holds the same role in the same scope on some of the days;
 * - `CONCURRENT_CHANGE` (change-refused.ts): another request changed the same records at once, twice: retry.
 */
export type ConflictReason = 'STALE_VERSION' | 'ALREADY_IN_PROGRESS' | 'ALREADY_TAKEN' | 'ROLE_ALREADY_HELD' | ChangeRefusedReason;

export function conflict(reason: ConflictReason, message: string): GraphQLError {
  return appError('CONFLICT', message, { reason });
}

/** An `Idempotency-Key` header that is not 1–128 characters of `A–Z a–z 0–9 . _ : -`: nothing ran. */
export function invalidIdempotencyKey(): GraphQLError {
  return appError('INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key must be 1 to 128 characters of A-Z a-z 0-9 . _ : -');
}

/** A key already used, within 24 hours, for another operation or other variables: nothing ran. */
export function idempotencyKeyReused(): GraphQLError {
  return appError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another operation or other variables: use a new key');
}

/** Which limit a request passed: its minute's share, or the requests one person may have in flight at once. */
export type RateLimitReason = 'REQUESTS_PER_MINUTE' | 'CONCURRENT_REQUESTS';

export function rateLimited(retryAfterSeconds: number, reason: RateLimitReason = 'REQUESTS_PER_MINUTE'): GraphQLError {
  return new GraphQLError('Too many requests: try again later', {
    extensions: {
      code: 'RATE_LIMITED',
      reason,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** Seconds a client is asked to wait when something the API depends on is down: about a restart or a failover. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export type UnavailableCode = 'DATABASE_UNAVAILABLE' | 'IDENTITY_PROVIDER_UNAVAILABLE';

const UNAVAILABLE_MESSAGES: Record<UnavailableCode, string> = {
  DATABASE_UNAVAILABLE: 'The database cannot be reached: try again shortly',
  IDENTITY_PROVIDER_UNAVAILABLE: 'Tokens cannot be checked (the identity provider cannot be reached): try again shortly',
};

/** Something the API depends on is down: HTTP 503, with the seconds to wait in `Retry-After`. Nothing ran. */
export function unavailable(code: UnavailableCode): GraphQLError {
  const retryAfterSeconds = UNAVAILABLE_RETRY_AFTER_SECONDS;
  return new GraphQLError(UNAVAILABLE_MESSAGES[code], {
    extensions: {
      code,
      retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** What an unexpected failure says: its cause is logged under the request id, never shown. */
export const INTERNAL_MESSAGE = 'Internal server error';

/** Failures on the server's side (5xx): each names the request (`requestId`), for the client to quote. */
const SERVER_SIDE_CODES = new Set<unknown>(['INTERNAL_SERVER_ERROR', 'TIMEOUT', 'DATABASE_UNAVAILABLE', 'IDENTITY_PROVIDER_UNAVAILABLE']);

/** An unexpected failure before the request had a scope of its own: masked, HTTP 500, naming the request. */
export class InternalFailure extends GraphQLError {
  constructor(readonly requestId: string) {
    super(INTERNAL_MESSAGE, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } } });
  }
}

type ShownError = { extensions?: Record<string, unknown> };

/** The errors of a response, the server-side failures among them naming the request by `requestId`. */
export function withRequestId<E extends ShownError>(errors: readonly E[], requestId: string): E[] {
  return errors.map((e) => (SERVER_SIDE_CODES.has(e.extensions?.code) ? { ...e, extensions: { ...e.extensions, requestId } } : e));
}
