import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { textFault } from './text-input';

type Found = { field: string; fault: string };

/** The first string among a request's variables that text may not hold, with its path (`input.firstName`). */
function faultInVariables(value: unknown, path: string): Found | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { field: path, fault } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = faultInVariables(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = faultInVariables(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Visits every node of the operation with the path of argument and input-field names it sits under, until `found` says stop. */
function visitNamed(document: DocumentNode, found: (node: ASTNode, path: string) => boolean): void {
  const names: string[] = [];
  const named = (node: ASTNode) => node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD;
  visit(document, {
    enter(node) {
      if (named(node)) names.push((node as { name: { value: string } }).name.value);
      if (found(node, names.join('.'))) return BREAK;
      return undefined;
    },
    leave(node) {
      if (named(node)) names.pop();
    },
  });
}

/** The first string literal of the operation that text may not hold, named by its argument or input field. */
function faultInLiterals(document: DocumentNode): Found | null {
  let found: Found | null = null;
  visitNamed(document, (node, path) => {
    const fault = node.kind === Kind.STRING ? textFault(node.value) : null;
    if (fault) found = { field: path || 'operation', fault };
    return found !== null;
  });
  return found;
}

/** A literal a scalar refused (a date out of range) is named by its argument or input field, as a variable's is. */
function nameRefusedLiterals(document: DocumentNode, errors: readonly Error[]): void {
  for (const error of errors) {
    if (!(error instanceof GraphQLError)) continue;
    const literal = error.nodes?.[0];
    if (!literal || error.extensions.field) continue;
    visitNamed(document, (node, path) => {
      if (node !== literal || !path) return false;
      error.message = `${path}: ${error.message}`;
      (error.extensions as Record<string, unknown>).field = path;
      return true;
    });
  }
}

/**
 * Refuses, before an operation runs, any text input that text may not hold (text-input.ts): 400 BAD_USER_INPUT;
 * and names the field of a literal that a scalar refused.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors) => nameRefusedLiterals(document, errors ?? []);
        },
        async didResolveOperation({ request, document }) {
          const found = faultInVariables(request.variables ?? {}, '') ?? faultInLiterals(document);
          if (found) {
            throw new GraphQLError(`${found.field}: ${found.fault}`, {
              extensions: { code: 'BAD_USER_INPUT', field: found.field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
