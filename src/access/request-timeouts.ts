/** Per request, in milliseconds: every statement, waiting for a lock, an idle transaction; the board's statements. */
export type RequestTimeouts = { statementMs: number; lockMs: number; idleInTransactionMs: number; boardStatementMs: number };

/** A request's timeouts unless configured otherwise, in milliseconds. */
export const DEFAULT_TIMEOUTS: RequestTimeouts = { statementMs: 5000, lockMs: 2000, idleInTransactionMs: 30000, boardStatementMs: 30000 };
