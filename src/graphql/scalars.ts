import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';

/** `Date`: a calendar day, 'YYYY-MM-DD' (validated, kept as a string end to end). */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601).',
});

/** `DateTime`: an instant, ISO 8601 in UTC. */
export const DateTimeScalar = DateTimeResolver;

export const JSONScalar = JSONResolver;
