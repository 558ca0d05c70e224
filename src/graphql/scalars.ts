import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
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

/**
 * A scalar that is a string of one shape, kept as that string end to end: every input is checked (a literal's
 * fault is raised at the literal, so that it is named by its argument, as a variable's is: BAD_USER_INPUT), and so
 * is every output, so that a client reads one shape only.
 */
function shapedString(name: string, description: string, faultOf: (value: string) => string | null): GraphQLScalarType<string, string> {
  const checked = (value: unknown, literal?: ValueNode): string => {
    const fault = typeof value === 'string' ? faultOf(value) : 'must be a string';
    if (fault) throw new GraphQLError(`A ${name} ${fault}: ${String(value).slice(0, 20)} is not`, { nodes: literal });
    return value as string;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => checked(value),
    parseValue: (value) => checked(value),
    parseLiteral: (ast) => checked(ast.kind === Kind.STRING ? ast.value : undefined, ast),
  });
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FINANCIAL_YEAR = /^(\d{4})-(\d{2})$/;
const POUNDS_AND_PENCE = /^-?\d{1,13}\.\d{2}$/;
const inYears = (year: string) => Number(year) >= YEARS.first && Number(year) <= YEARS.last;

/** `Month`: a calendar month, 'YYYY-MM', of a year within YEARS. */
export const MonthScalar = shapedString(
  'Month',
  `A calendar month, YYYY-MM (e.g. 2024-05), of a year from ${YEARS.first} to ${YEARS.last}; UK local time.`,
  (value) => {
    const month = MONTH.exec(value);
    return month && inYears(month[1]!) ? null : `is YYYY-MM, of a year from ${YEARS.first} to ${YEARS.last}`;
  },
);

/** `FinancialYear`: a UK financial year (1 April to 31 March), 'YYYY-YY', the second year the one after the first. */
export const FinancialYearScalar = shapedString(
  'FinancialYear',
  'A UK financial year, 1 April to 31 March, written YYYY-YY: 2024-25 runs from 1 April 2024 to 31 March 2025.',
  (value) => {
    const year = FINANCIAL_YEAR.exec(value);
    const consecutive = year && inYears(year[1]!) && (Number(year[1]) + 1) % 100 === Number(year[2]);
    return consecutive ? null : 'is YYYY-YY, the year after the first (2024-25)';
  },
);

/** `Money`: pounds sterling as an exact decimal string with two places, never a binary float. */
export const MoneyScalar = shapedString(
  'Money',
  'An amount in pounds sterling, exact: a decimal string with two places and no separators, e.g. "4394136.00" or "-1250.50".',
  (value) => (POUNDS_AND_PENCE.test(value) ? null : 'is pounds with two decimal places, e.g. 4394136.00'),
);
