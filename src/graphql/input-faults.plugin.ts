import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { FieldFault } from './errors';
import { clipped } from './format-error';

const isRequestInputError = (e: GraphQLFormattedError) => e.extensions?.code === 'BAD_USER_INPUT' && !e.path && e.extensions.fields;

/**
 * The faults found before an operation runs (each variable graphql-js refused is an error of its own) answered as
 * one BAD_USER_INPUT listing every field, as a mutation's own are: a form reads one error whatever refused it.
 */
export function oneInputErrorPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const faulty = errors.filter(isRequestInputError);
          if (faulty.length < 2) return;
          const fields = faulty.flatMap((e) => e.extensions!.fields as FieldFault[]);
          const merged: GraphQLFormattedError = {
            message: clipped(faulty.map((e) => e.message).join('; ')),
            extensions: { code: 'BAD_USER_INPUT', field: fields[0]!.field, fields },
          };
          response.body.singleResult.errors = [merged, ...errors.filter((e) => !faulty.includes(e))];
        },
      };
    },
  };
}
