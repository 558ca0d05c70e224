import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ERROR_CODES, type ErrorCode } from './errors';

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

/**
 * The one place errors leave the API: codes of design.md §5 pass through; a malformed operation
 * is BAD_USER_INPUT; everything else is masked as INTERNAL_SERVER_ERROR (logged by the plugin
 * with the request id, which the response carries in `x-request-id`).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) return validationFailure(original, formatted);
  if (!isExpectedError(error)) {
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } };
  }
  const code = String(formatted.extensions?.code);
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return {
    ...formatted,
    extensions: { ...extensions, code: REQUEST_ERROR_CODES.has(code) ? 'BAD_USER_INPUT' : code },
  };
}
