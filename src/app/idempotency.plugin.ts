import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { RequestContext } from '../access/service-context';
import { idempotencyKeyReused, invalidIdempotencyKey } from '../graphql/errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a response that is the stored answer to an earlier request with the same key. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** 1–128 characters that need no escaping anywhere: a UUID fits. */
const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** A mutation sent with a key, waiting for its response: stored with the commit if its writes are kept. */
type Pending = { key: string; requestHash: string };
const pending = new WeakMap<RequestContext, Pending>();

/** What makes two requests the same: the operation's text, its name and its variables (keys in a stable order). */
function requestHashOf(request: GraphQLRequest): string {
  const stable = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, stable(v)]),
        )
      : Array.isArray(value)
        ? value.map(stable)
        : value;
  const same = JSON.stringify([request.query ?? '', request.operationName ?? null, stable(request.variables ?? {})]);
  return createHash('sha256').update(same).digest('hex');
}

/**
 * Waits for any request of the same member of staff with the same key to end. A statement of its own: the look-up
 * after it must take its snapshot once the wait is over, to see what that request stored.
 */
const WAIT_FOR_SAME_KEY = `SELECT pg_advisory_xact_lock(hashtextextended('idempotency:' || app_staff_id() || ':' || $1, 0))`;

const LOOK_UP = `
  SELECT request_hash, response FROM idempotent_responses
   WHERE staff_id = app_staff_id() AND key = $1 AND created_at >= now() - interval '24 hours'`;

const KEEP = `
  WITH purged AS (SELECT purge_expired_idempotent_responses())
  INSERT INTO idempotent_responses (staff_id, key, request_hash, response)
  SELECT app_staff_id(), $1, $2, $3::jsonb FROM purged`;

/**
 * Safe retries of writes (docs/api-contract.md, "Safe retries"): a mutation sent with an `Idempotency-Key` is
 * answered, when the same member of staff sent the same key before within 24 hours, with the response stored then,
 * if the operation and variables are the same, and refused (IDEMPOTENCY_KEY_REUSED) if not. A retry while the first
 * is still running waits for it (a transaction-scoped advisory lock on the member of staff and key). Queries ignore
 * the header. The response is stored by `keepIdempotentResponse`, in the mutation's transaction.
 */
export function idempotencyPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let replay: FormattedExecutionResult | null = null;
      return {
        async didResolveOperation({ request, operation, contextValue }) {
          const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
          if (operation?.operation !== 'mutation' || key === undefined) return;
          if (!KEY.test(key)) throw invalidIdempotencyKey();
          const requestHash = requestHashOf(request);
          await contextValue.db.query(WAIT_FOR_SAME_KEY, [key]);
          const [stored] = await contextValue.db.query<{ request_hash: string; response: FormattedExecutionResult }>(LOOK_UP, [key]);
          if (stored && stored.request_hash !== requestHash) throw idempotencyKeyReused();
          if (stored) replay = stored.response;
          else pending.set(contextValue, { key, requestHash });
        },
        async responseForOperation() {
          if (!replay) return null;
          return {
            body: { kind: 'single', singleResult: replay },
            http: { status: undefined, headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) },
          };
        },
      };
    },
  };
}

/**
 * Stores the response of a keyed mutation, in its transaction, before the commit: when some of its writes were kept
 * (a mutation field answered). A response whose every mutation failed stores nothing: nothing was written, so the
 * same key may be sent again, with the same variables or corrected ones.
 */
export async function keepIdempotentResponse(context: RequestContext, result: FormattedExecutionResult): Promise<void> {
  const entry = pending.get(context);
  const written = Object.values(result.data ?? {}).some((value) => value !== null);
  if (!entry || !written) return;
  await context.db.query(KEEP, [entry.key, entry.requestHash, JSON.stringify(result)]);
}
