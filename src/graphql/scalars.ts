import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The years a recorded date may fall in: an adoption record's dates are of living people. */
export const YEARS = { first: 1900, last: 2100 } as const;

/** A calendar day within YEARS, or a GraphQLError saying why not (at the literal, when it is one, so that it can be named). */
function withinYears(day: unknown, literal?: ValueNode): string {
  const year = Number(String(day).slice(0, 4));
  if (year < YEARS.first || year > YEARS.last) {
    throw new GraphQLError(`A date falls between ${YEARS.first} and ${YEARS.last}: ${String(day).slice(0, 10)} does not`, {
      nodes: literal,
    });
  }
  return String(day);
}

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
  parseValue: (value) => withinYears(LocalDateResolver.parseValue(value)),
  parseLiteral: (ast, variables) => withinYears(LocalDateResolver.parseLiteral(ast, variables), ast),
});

/** `DateTime`: an instant, ISO 8601 in UTC. */
export const DateTimeScalar = DateTimeResolver;

export const JSONScalar = JSONResolver;
