import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { IdentityProviderUnavailable } from '../access/tokens';
import type { Logger } from '../common/logger';
import { isDatabaseUnavailable } from '../db/unavailable';
import { INTERNAL_MESSAGE, InternalFailure, unavailable, type UnavailableCode } from '../graphql/errors';

/** The dependency a failure shows to be down, or null when the failure is the API's own. */
export function unavailabilityOf(error: unknown): UnavailableCode | null {
  if (error instanceof IdentityProviderUnavailable) return 'IDENTITY_PROVIDER_UNAVAILABLE';
  return isDatabaseUnavailable(error) ? 'DATABASE_UNAVAILABLE' : null;
}

/**
 * Logs a request's failure by its cause, on the request's logger (so with its request id): the dependency that
 * is down, or an unexpected error. The error goes through safeError: its class and code, never a value.
 */
export function logFailure(log: Logger, error: unknown): void {
  if (error instanceof IdentityProviderUnavailable) log.error({ err: error }, error.message);
  else if (isDatabaseUnavailable(error)) log.error({ err: error }, 'database unavailable');
  else log.error({ err: error }, 'unexpected error');
}

/**
 * A failure opening a GraphQL request (its token, its turn, its transaction): a refusal passes as it is; a
 * dependency that is down is logged and answered 503 with its code; anything else is logged and answered masked,
 * as a 500. Either names the request (`requestId`).
 */
export function openingFailure(log: Logger, error: unknown, clientLeft: boolean, requestId: string): unknown {
  if (clientLeft || error instanceof GraphQLError) return error;
  logFailure(log, error);
  const code = unavailabilityOf(error);
  if (!code) return new InternalFailure(requestId);
  const failure = unavailable(code);
  Object.assign(failure.extensions, { requestId });
  return failure;
}

/**
 * The last error handler: whatever no route answered is logged once with the request id and answered as a
 * GraphQL error (503 when a dependency is down, else a masked 500), never as express's HTML page.
 */
export function answerFailures(log: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const requestId = String(req.id);
    logFailure(log.child({ requestId }), error);
    const code = unavailabilityOf(error);
    if (!code) {
      res.status(500).json({ errors: [{ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
      return;
    }
    const { message, extensions } = unavailable(code);
    const { http: _http, ...shown } = extensions;
    res
      .status(503)
      .set('retry-after', String(extensions.retryAfterSeconds))
      .json({ errors: [{ message, extensions: { ...shown, requestId } }] });
  };
}
