import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { LimitExceeded } from './limit-exceeded';
import { tokenLimitOf } from './query-limits';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { ChangeRefused } from '../db/change-refused';
import { isDatabaseUnavailable } from '../db/unavailable';
import { ERROR_CODES, unavailable, type ErrorCode } from './errors';

/** Apollo's own request errors: about the operation, never about data, so safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const KNOWN = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'));

/** True for errors this API means to show; anything else is an internal failure to log and mask. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ChangeRefused) return true;
  if (!(original instanceof GraphQLError)) return false;
  const code = String(original.extensions?.code ?? '');
  return KNOWN.has(code) || REQUEST_ERROR_CODES.has(code);
}

type Failure = { property: string; constraints?: Record<string, string>; children?: Failure[] };

/** class-validator's nested report, as one BAD_USER_INPUT naming the first failing field by its path. */
function validationFailure(error: ArgumentValidationError, formatted: GraphQLFormattedError): GraphQLFormattedError {
  const path: string[] = [];
  let node: Failure | undefined = (error.extensions.validationErrors as Failure[])[0];
  while (node) {
    path.push(node.property);
    if (node.constraints) break;
    node = node.children?.[0];
  }
  const field = path.join('.');
  const message = Object.values(node?.constraints ?? {})[0] ?? 'is invalid';
  return { ...formatted, message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } };
}

/** A passed limit, wherever it was raised (a validation rule, a plugin, the parser, a page): its own error. */
function limitExceededIn(error: unknown, formatted: GraphQLFormattedError): LimitExceeded | null {
  for (let e: unknown = error; e instanceof Error; e = (e as GraphQLError).originalError) {
    if (e instanceof LimitExceeded) return e;
  }
  return formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitOf(formatted.message) : null;
}

/** SQLSTATE of a statement cancelled by its timeout, and of a lock not granted within the lock timeout. */
const TIMEOUT_STATES = new Set(['57014', '55P03']);
export const TIMEOUT_MESSAGE = 'The request took too long (the records it needs are busy): try again';

/** A statement of the request that ran past its statement or lock timeout. */
export function isTimeout(error: unknown): boolean {
  return error instanceof QueryFailedError && TIMEOUT_STATES.has(String((error.driverError as { code?: string }).code));
}

/** Messages about the operation itself: in production they name no type, field, argument or suggestion. */
const MASKED_IN_PRODUCTION: Record<string, string> = {
  GRAPHQL_VALIDATION_FAILED: 'The operation is not valid against the schema',
  GRAPHQL_PARSE_FAILED: 'The operation could not be parsed',
};
/** Long enough for any message this API writes; a client's 90,000-character field name is not echoed. */
const MAX_MESSAGE_LENGTH = 500;

/**
 * The one place errors leave the API: the codes of errors.ts pass through; a passed limit is its own
 * code; a malformed operation is BAD_USER_INPUT (in production its message names nothing of the schema);
 * everything else is masked as INTERNAL_SERVER_ERROR (logged by the plugin with the request id, which the
 * response carries in `x-request-id`).
 */
export function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) return validationFailure(original, formatted);
    const limit = limitExceededIn(error, formatted);
    if (limit) {
      const { http: _http, ...extensions } = limit.extensions;
      return { message: limit.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions };
    }
    if (isTimeout(original)) return { message: TIMEOUT_MESSAGE, extensions: { code: 'TIMEOUT' satisfies ErrorCode } };
    if (isDatabaseUnavailable(original)) {
      const { message, extensions } = unavailable('DATABASE_UNAVAILABLE');
      return { message, extensions: { code: extensions.code, retryAfterSeconds: extensions.retryAfterSeconds } };
    }
    if (original instanceof ChangeRefused) {
      formatted = {
        ...formatted,
        message: original.message,
        extensions: { code: 'CONFLICT' satisfies ErrorCode, reason: original.reason },
      };
    }
    if (!isExpectedError(error)) {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } };
    }
    const code = String(formatted.extensions?.code);
    if (production && MASKED_IN_PRODUCTION[code]) {
      return {
        message: MASKED_IN_PRODUCTION[code],
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const message =
      formatted.message.length > MAX_MESSAGE_LENGTH ? `${formatted.message.slice(0, MAX_MESSAGE_LENGTH)}…` : formatted.message;
    return {
      ...formatted,
      message,
      extensions: { ...extensions, code: REQUEST_ERROR_CODES.has(code) ? 'BAD_USER_INPUT' : code },
    };
  };
}
