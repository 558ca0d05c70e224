import { GraphQLError } from 'graphql';

/** The limits on what one request may ask, each refused with a code of its own (never BAD_USER_INPUT). */
export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  pageSize: 'PAGE_SIZE_EXCEEDED',
} as const;
export type Limit = keyof typeof LIMIT_CODES;

/**
 * An operation that passes a limit: the code names the limit, and `extensions` say the most allowed and
 * what the operation came to, so a client can tell how far over it was. A 400: the operation never ran.
 */
export class LimitExceeded extends GraphQLError {
  constructor(limit: Limit, max: number, found: number) {
    super(`The operation's ${limit} is ${found}, over the limit of ${max}`, {
      extensions: { code: LIMIT_CODES[limit], limit, max, found, http: { status: 400 } },
    });
  }
}
