import { types } from 'node:util';
import { QueryFailedError } from 'typeorm';
import { statementName } from './statement-name';

/**
 * An error as the log may carry it. A database error's message, detail, where, parameters and statement
 * text may quote a record's values ("Failing row contains (…)", "invalid input syntax for type date: …"), so
 * it is logged by its type, SQLSTATE, the names it concerns and its statement's name only. Any other error
 * keeps its type, message and stack; no other property of any error is logged.
 */
export type SafeError = {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  statement?: string;
  message?: string;
  stack?: string;
  cause?: SafeError;
};

type DatabaseFields = { code?: unknown; severity?: unknown; constraint?: unknown; table?: unknown; column?: unknown };

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Causes followed at most this deep: a cycle of causes must not hang the log. */
const MAX_CAUSES = 3;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function typeOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  return value.constructor?.name || 'Object';
}

/** TypeORM's QueryFailedError, or the driver's error (pg's DatabaseError): an error with a severity and a SQLSTATE. */
function isDatabaseError(error: Error): boolean {
  const { code, severity } = error as DatabaseFields;
  return error instanceof QueryFailedError || (typeof severity === 'string' && typeof code === 'string' && SQLSTATE.test(code));
}

function databaseError(error: Error): SafeError {
  const fields = (error instanceof QueryFailedError ? (error.driverError ?? error) : error) as DatabaseFields;
  const safe: SafeError = { type: typeOf(error) };
  for (const key of ['code', 'constraint', 'table', 'column'] as const) {
    const name = text(fields[key]);
    if (name) safe[key] = name;
  }
  if (error instanceof QueryFailedError && typeof error.query === 'string') safe.statement = statementName(error.query);
  return safe;
}

function safeErrorAt(value: unknown, depth: number): SafeError {
  // isNativeError: a socket's error may come from another realm than this module's `Error` (a test runner's sandbox).
  if (!(value instanceof Error || types.isNativeError(value))) return { type: typeOf(value) };
  if (isDatabaseError(value)) return databaseError(value);
  const safe: SafeError = { type: typeOf(value), message: value.message };
  const code = text((value as { code?: unknown }).code);
  if (code) safe.code = code;
  if (value.stack) safe.stack = value.stack;
  if (value.cause !== undefined && depth < MAX_CAUSES) safe.cause = safeErrorAt(value.cause, depth + 1);
  return safe;
}

/** The `err` serializer of every logger. */
export function safeError(value: unknown): SafeError {
  return safeErrorAt(value, 0);
}

/** One line for a command's failure on stderr: an error's message, or a database error's type, SQLSTATE and names. */
export function describeError(value: unknown): string {
  const safe = safeError(value);
  if (safe.message) return safe.message;
  const names = (['constraint', 'table', 'column', 'statement'] as const).filter((key) => safe[key]).map((key) => `${key} ${safe[key]}`);
  return [safe.type, safe.code, names.length ? `(${names.join(', ')})` : undefined].filter(Boolean).join(' ');
}
