import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
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

/** The first string literal of the operation that text may not hold, named by its argument or input field. */
function faultInLiterals(document: DocumentNode): Found | null {
  let found: Found | null = null;
  const names: string[] = [];
  const named = (node: ASTNode) => node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD;
  visit(document, {
    enter(node) {
      if (named(node)) names.push((node as { name: { value: string } }).name.value);
      if (!found && node.kind === Kind.STRING) {
        const fault = textFault(node.value);
        if (fault) found = { field: names.join('.') || 'operation', fault };
      }
    },
    leave(node) {
      if (named(node)) names.pop();
    },
  });
  return found;
}

/** Refuses, before an operation runs, any text input that text may not hold (text-input.ts): 400 BAD_USER_INPUT. */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
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
