import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { LimitExceeded } from './limit-exceeded';
import { tokenLimitOf } from './query-limits';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { ChangeRefused } from '../db/change-refused';
import { isDatabaseUnavailable } from '../db/unavailable';
import { ERROR_CODES, INTERNAL_MESSAGE, InternalFailure, invalidInput, unavailable, type ErrorCode } from './errors';
import { faultsOf } from './input-class';

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

/**
 * What failed: a resolver's error, or the cause Apollo wrapped when a plugin's hook threw before the operation ran
 * (a statement of the request timing out there is a TIMEOUT all the same).
 */
function causeOf(error: unknown): unknown {
  const original = unwrapResolverError(error);
  if (!(original instanceof GraphQLError) || original.extensions.code) return original;
  const cause = original.originalError;
  return cause && !(cause instanceof GraphQLError) ? cause : original;
}

/** True for errors this API means to show; anything else is an internal failure to log and mask. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ChangeRefused) return true;
  if (!(original instanceof GraphQLError)) return false;
  const code = String(original.extensions?.code ?? '');
  return KNOWN.has(code) || REQUEST_ERROR_CODES.has(code);
}

/** A query's input class's report, as one BAD_USER_INPUT naming every failing field. */
function validationFailure(error: ArgumentValidationError): GraphQLFormattedError {
  const [first, ...rest] = faultsOf(error.extensions.validationErrors);
  const { message, extensions } = invalidInput([first ?? { field: 'input', message: 'is invalid' }, ...rest]);
  return { message, extensions: { code: extensions.code, field: extensions.field, fields: extensions.fields } };
}

/**
 * The field a variable's refusal is about, by its path from the variable (`input.dateOfBirth`): graphql-js
 * writes it into the message ("Variable "$input" got invalid value … at "input.dateOfBirth"; …", or "…; Field
 * "lastName" of required type "String!" was not provided.").
 */
export function variableFieldOf(message: string): string | null {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return null;
  const at = / at "([\w.[\]]+)"/.exec(message)?.[1];
  const inner = /; Field "(\w+)"/.exec(message)?.[1];
  return [at ?? variable, ...(inner ? [inner] : [])].join('.');
}

/** Every BAD_USER_INPUT names its fields alike: `fields`, and `field` the first (a variable's, read from its message). */
function withFields(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (extensions.code !== 'BAD_USER_INPUT' || extensions.fields) return formatted;
  const field = (extensions.field as string | undefined) ?? variableFieldOf(formatted.message);
  if (!field) return formatted;
  const message = formatted.message.startsWith(`${field}: `) ? formatted.message.slice(field.length + 2) : formatted.message;
  return { ...formatted, extensions: { ...extensions, field, fields: [{ field, message }] } };
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

/** A message as shown: at most MAX_MESSAGE_LENGTH characters. */
export function clipped(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}

/**
 * The one place errors leave the API: the codes of errors.ts pass through; a passed limit is its own
 * code; a malformed operation is BAD_USER_INPUT (in production its message names nothing of the schema);
 * everything else is masked as INTERNAL_SERVER_ERROR (logged by the plugin with the request id, which the
 * response carries in `x-request-id`).
 */
export function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = causeOf(error);
    if (original instanceof ArgumentValidationError) return validationFailure(original);
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
      // An internal failure that already knows its request (one that opened no request scope) says which.
      const requestId = original instanceof InternalFailure ? { requestId: original.requestId } : {};
      return { message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode, ...requestId } };
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
    const message = clipped(formatted.message);
    return withFields({
      ...formatted,
      message,
      extensions: { ...extensions, code: REQUEST_ERROR_CODES.has(code) ? 'BAD_USER_INPUT' : code },
    });
  };
}
