import { types } from 'node:util';
import { QueryFailedError } from 'typeorm';

/**
 * SQLSTATEs of a database that is not there for the request: a connection exception (class 08), the server
 * shutting down or the backend terminated (57P01 admin, 57P02 crash), the server starting or restarting
 * (57P03), no connection slot left (53300).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/;
/** Socket errors of a server that refuses, resets, is not found or does not answer. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What pg says, without a code, of a connection that ended or a pool that found none in time. */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /not queryable/, /^timeout exceeded when trying to connect$/, /^Client was closed/];
/** Causes followed at most this deep. */
const MAX_DEPTH = 4;

/**
 * The request failed because the database could not be reached or went away under it, not because of
 * anything in the request: a 503 to retry, never a 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  // isNativeError: a socket's error may come from another realm than this module's `Error` (a test runner's sandbox).
  if (!(error instanceof Error || types.isNativeError(error)) || depth > MAX_DEPTH) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  if (!(error instanceof QueryFailedError) && UNAVAILABLE_MESSAGES.some((message) => message.test(error.message))) return true;
  const inner = [
    error instanceof QueryFailedError ? error.driverError : undefined,
    error.cause,
    ...(Array.isArray((error as { errors?: unknown }).errors) ? (error as AggregateError).errors : []),
  ];
  return inner.some((cause) => cause !== undefined && cause !== error && isDatabaseUnavailable(cause, depth + 1));
}
