import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `Date`: a calendar day, 'YYYY-MM-DD', kept as a string end to end. Input is validated in full (a real
 * day of the calendar); output comes from `date` columns, so its shape is all that is checked, on every
 * date of every page.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601).',
  serialize(value) {
    if (typeof value === 'string' && CALENDAR_DAY.test(value)) return value;
    return LocalDateResolver.serialize(value);
  },
});

/** `DateTime`: an instant, ISO 8601 in UTC. */
export const DateTimeScalar = DateTimeResolver;

export const JSONScalar = JSONResolver;
