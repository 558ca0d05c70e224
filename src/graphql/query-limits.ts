import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import { LimitExceeded, type Limit } from './limit-exceeded';
import { costLimitPlugin } from './query-cost';

/**
 * Limits on what one operation may ask, checked before it runs: depth, aliases and directives
 * (graphql-armor), tokens (the parser), cost (query-cost.ts, once the variables are known); batched HTTP
 * requests are refused; field suggestions ("did you mean…") are hidden in production, where they would map
 * the schema for a caller without introspection. Each refusal is a 400 with a code of its own, naming the
 * limit, the most allowed and what the operation came to.
 */
export const QUERY_LIMITS = { depth: 12, cost: 25_000, aliases: 15, directives: 20, tokens: 2500 } as const;

/** graphql-armor's refusal, reported as this API's: "… limit of 12 exceeded, found 13." */
function reportAs(limit: Limit) {
  return (context: ValidationContext | null, refusal: GraphQLError) => {
    const [, max, found] = /limit of (\d+) exceeded, found (\d+)/.exec(refusal.message) ?? [];
    context?.reportError(new LimitExceeded(limit, Number(max ?? QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS]), Number(found ?? 0)));
  };
}

export function queryLimits(schema: GraphQLSchema, production: boolean) {
  const refusal = (limit: Limit) => ({ propagateOnRejection: false, onReject: [reportAs(limit)] });
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, ...refusal('depth') },
    costLimit: { enabled: false },
    maxAliases: { n: QUERY_LIMITS.aliases, ...refusal('aliases') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...refusal('directives') },
    // graphql-js counts tokens while it parses (parseOptions below): see isTokenLimit.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: [...plugins, costLimitPlugin(schema, QUERY_LIMITS.cost)],
    validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    allowBatchedHttpRequests: false,
  };
}

/** The parser's refusal of a document over the token limit ("Document contains more that 2500 tokens"). */
export function tokenLimitOf(message: string): LimitExceeded | null {
  return /Document contains more th\w+ (\d+) tokens/.test(message)
    ? new LimitExceeded('tokens', QUERY_LIMITS.tokens, QUERY_LIMITS.tokens + 1)
    : null;
}
