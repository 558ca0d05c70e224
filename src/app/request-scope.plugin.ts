import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { Kind, type GraphQLError } from 'graphql';
import type { RequestContext } from '../access/service-context';
import { AuditTrail } from '../audit/audit-trail';
import { INTERNAL_MESSAGE, RefusalError, unavailable, withRequestId, type UnavailableCode } from '../graphql/errors';
import { keepIdempotentResponse } from './idempotency.plugin';
import { isExpectedError, isTimeout, TIMEOUT_MESSAGE } from '../graphql/format-error';
import { logFailure, unavailabilityOf } from './failures';

/**
 * Ends each request's database scope before the response leaves. Refusals of the request are added to
 * its access-log entries, which are appended (a failed mutation has already rolled back its own
 * savepoint, so a refusal is kept even though the refused work is not) as the transaction commits, in
 * one round trip.
 * If that fails, the client gets an INTERNAL_SERVER_ERROR in place of the data, so it never sees a
 * change that was not kept. Unexpected errors are logged with the request id; formatError masks them.
 * A database that went away under the request (or at its commit) is DATABASE_UNAVAILABLE (503, Retry-After)
 * in place of any data, its cause logged once.
 */
export function requestScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let databaseDown: UnavailableCode | null = null;
      return {
        async didEncounterErrors({ contextValue, errors }) {
          // The client left: its transaction was rolled back under the resolvers still running, whose failures
          // are its leaving, not faults, and nothing of the request is kept to add refusals to.
          if (!contextValue.db.isOpen) return;
          for (const error of errors) {
            const refusal = error.originalError;
            if (refusal instanceof RefusalError) {
              const { subjectType = null, subjectId = null } = refusal.subject;
              const reason = String(refusal.extensions.reason ?? refusal.extensions.code);
              contextValue.services.get(AuditTrail).refused(refusedFieldOf(error), subjectType, subjectId, reason);
            } else if (isTimeout(error.originalError)) {
              contextValue.log.warn({ err: error.originalError }, 'statement timed out');
            } else if (unavailabilityOf(error.originalError)) {
              if (!databaseDown) logFailure(contextValue.log, error.originalError);
              databaseDown ??= unavailabilityOf(error.originalError);
            } else if (!isExpectedError(error)) {
              contextValue.log.error({ err: error.originalError ?? error }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          // The client went away first: the transaction has already been rolled back, and no answer is sent.
          if (!contextValue.db.isOpen) return;
          await finish(contextValue, response, databaseDown);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = withRequestId(response.body.singleResult.errors, contextValue.requestId);
          }
        },
      };
    },
  };
}

/**
 * Commits the request's transaction (its access-log entries and a keyed mutation's response with it), or rolls
 * it back when a statement timed out or the database went away, answering in place of any data.
 */
async function finish(contextValue: RequestContext, response: GraphQLResponse, databaseDown: UnavailableCode | null): Promise<void> {
  if (databaseDown) {
    await contextValue.db.finish('rollback').catch(() => undefined);
    answerUnavailable(response, databaseDown);
    return;
  }
  // A statement past its timeout aborted the transaction: nothing is kept, no partial answer is sent,
  // and the client may retry.
  if (response.body.kind === 'single' && response.body.singleResult.errors?.some((e) => e.extensions?.code === 'TIMEOUT')) {
    await contextValue.db.finish('rollback');
    response.http.status = 503;
    response.http.headers.set('retry-after', '1');
    response.body = { kind: 'single', singleResult: { errors: [{ message: TIMEOUT_MESSAGE, extensions: { code: 'TIMEOUT' } }] } };
    return;
  }
  try {
    if (response.body.kind === 'single') await keepIdempotentResponse(contextValue, response.body.singleResult);
    await contextValue.db.commit(contextValue.services.get(AuditTrail).appendStatement());
  } catch (err) {
    await contextValue.db.finish('rollback').catch(() => undefined);
    const down = unavailabilityOf(err);
    if (down) {
      logFailure(contextValue.log, err);
      answerUnavailable(response, down);
      return;
    }
    contextValue.log.error({ err }, 'commit failed');
    response.http.status = 500;
    response.body = {
      kind: 'single',
      singleResult: { errors: [{ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    };
  }
}

/** The response is this one error and no data: nothing the request did was kept. */
function answerUnavailable(response: GraphQLResponse, code: UnavailableCode): void {
  const { message, extensions } = unavailable(code);
  const { http: _http, ...shown } = extensions;
  response.http.status = 503;
  response.http.headers.set('retry-after', String(extensions.retryAfterSeconds));
  response.body = { kind: 'single', singleResult: { errors: [{ message, extensions: shown }] } };
}

/** The field or mutation refused, by its name in the schema: an alias is the client's word, not the server's. */
function refusedFieldOf(error: GraphQLError): string {
  const node = error.nodes?.[0];
  return node?.kind === Kind.FIELD ? node.name.value : 'operation';
}
