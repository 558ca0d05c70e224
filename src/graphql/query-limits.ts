import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one operation may ask, checked before it runs: depth, cost, aliases and directives
 * (graphql-armor), tokens (the parser); batched HTTP requests are refused; field suggestions ("did you mean…") are hidden
 * in production, where they would map the schema for a caller without introspection. A refusal is a
 * validation error: HTTP 400, BAD_USER_INPUT.
 */
export const QUERY_LIMITS = { depth: 12, cost: 5000, aliases: 15, directives: 20, tokens: 2500 } as const;

export function queryLimits(production: boolean) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth },
    costLimit: { maxCost: QUERY_LIMITS.cost },
    maxAliases: { n: QUERY_LIMITS.aliases },
    maxDirectives: { n: QUERY_LIMITS.directives },
    // graphql-js counts tokens while it parses (parseOptions below): a syntax error stays a 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: QUERY_LIMITS.tokens }, allowBatchedHttpRequests: false };
}
