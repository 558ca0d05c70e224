import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';
import { isExpectedError } from './format-error';

/**
 * Ends each request's database scope before the response leaves: commit (a failed mutation has
 * already rolled back its own savepoint), or, if the commit fails, an INTERNAL_SERVER_ERROR in
 * place of the data, so a client never sees a change that was not kept. Logs unexpected errors
 * with the request id; their messages are masked by formatError.
 */
export function requestScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (!isExpectedError(error)) contextValue.log.error({ err: error.originalError ?? error }, 'unexpected error');
          }
        },
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.db.finish('commit');
          } catch (err) {
            contextValue.log.error({ err }, 'commit failed');
            response.http.status = 500;
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
            };
          }
        },
      };
    },
  };
}
