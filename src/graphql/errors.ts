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
  'OPERATION_NOT_TRUSTED',
  ...Object.values(LIMIT_CODES),
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

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

/** Bad input, naming the offending field (its path in the arguments) and the rule it breaks. */
export function badUserInput(field: string, message: string): GraphQLError {
  return appError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** Why a change conflicts: a stale version, a one-off step already recorded, or a concurrent change. */
export type ConflictReason = 'STALE_VERSION' | ChangeRefusedReason;

export function conflict(message: string, reason?: ConflictReason): GraphQLError {
  return appError('CONFLICT', message, reason ? { reason } : {});
}

/** Too many requests: HTTP 429, with the seconds to wait in `Retry-After`. */
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
