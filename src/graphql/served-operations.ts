import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * An operation of a type the schema does not serve (a `subscription`: this API has none) is refused as the
 * client's mistake, before it runs, rather than failing inside the executor.
 */
export function servedOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API serves no ${node.operation} operations`, { nodes: node }));
      }
    },
  };
}
