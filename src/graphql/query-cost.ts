import { getNamedType, getNullableType, GraphQLError, isListType, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection';
import { LimitExceeded } from './limit-exceeded';

/**
 * What an operation costs, priced the same whether a page size is written in it or passed as a variable:
 * - every field: 1;
 * - a connection (`…Connection`): 1 + its selection × the page asked for (`first` or `last`, default 20);
 *   its `edges` are that page, so they are not multiplied again; `totalCount` and `countsByStage` read every
 *   record they count: 100;
 * - any other list (a record's relations: decisions, matches, placements, …): 1 + its selection × 5.
 */
export const COSTS = { field: 1, relationList: 5, totalCount: 100 } as const;
const COUNTING_FIELDS = new Set(['totalCount', 'countsByStage']);

const estimateCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const parentIsConnection = type.name.endsWith('Connection');
  if (parentIsConnection && COUNTING_FIELDS.has(field.name)) return COSTS.totalCount;
  if (parentIsConnection && field.name === 'edges') return COSTS.field + childComplexity;
  if (getNamedType(field.type).name.endsWith('Connection')) {
    const page = args.first ?? args.last;
    return COSTS.field + (typeof page === 'number' && page > 0 ? page : DEFAULT_PAGE_SIZE) * childComplexity;
  }
  if (isListType(getNullableType(field.type))) return COSTS.field + COSTS.relationList * childComplexity;
  return undefined;
};

/** Refuses, once its variables are known and before it runs, an operation that costs more than `maxCost`. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [estimateCost, simpleEstimator({ defaultComplexity: COSTS.field })],
            });
          } catch (error) {
            // Variables that do not fit their types: the operation will not run, and execution says why.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > maxCost) throw new LimitExceeded('cost', maxCost, cost);
        },
      };
    },
  };
}
