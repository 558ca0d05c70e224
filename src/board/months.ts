import { badUserInput } from '../graphql/errors';
import { YEARS } from '../graphql/scalars';

const withinYears = (year: string) => Number(year) >= YEARS.first && Number(year) <= YEARS.last;

/** The longest period the board view answers in one request: ten years of months. */
const MAX_MONTHS = 120;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** An inclusive range of months, as the first and last calendar days it covers. */
export type MonthPeriod = { from: string; to: string; firstDay: string; lastMonthStart: string; lastDay: string };

/** Validates 'YYYY-MM' … 'YYYY-MM' (inclusive, UK calendar months). */
export function monthPeriod(from: string, to: string): MonthPeriod {
  const start = MONTH.exec(from);
  if (!start || !withinYears(start[1]!)) throw badUserInput('from', `must be a month, YYYY-MM, of ${YEARS.first} to ${YEARS.last}`);
  const end = MONTH.exec(to);
  if (!end || !withinYears(end[1]!)) throw badUserInput('to', `must be a month, YYYY-MM, of ${YEARS.first} to ${YEARS.last}`);
  const months = (Number(end[1]) - Number(start[1])) * 12 + Number(end[2]) - Number(start[2]) + 1;
  if (months < 1) throw badUserInput('to', 'must not be before from');
  if (months > MAX_MONTHS) throw badUserInput('to', `a period covers at most ${MAX_MONTHS} months`);
  const lastDay = new Date(Date.UTC(Number(end[1]), Number(end[2]), 0)).toISOString().slice(0, 10);
  return { from, to, firstDay: `${from}-01`, lastMonthStart: `${to}-01`, lastDay };
}
