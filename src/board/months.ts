import { badUserInput } from '../graphql/errors';

/** The longest period the board view answers in one request: ten years of months. */
const MAX_MONTHS = 120;

/** An inclusive range of months, as the first and last calendar days it covers. */
export type MonthPeriod = { from: string; to: string; firstDay: string; lastMonthStart: string; lastDay: string };

/** 'YYYY-MM' … 'YYYY-MM' (inclusive, UK calendar months; each a Month the scalar checked): `to` not before `from`, at most MAX_MONTHS. */
export function monthPeriod(from: string, to: string): MonthPeriod {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  const months = (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
  if (months < 1) throw badUserInput('to', 'must not be before from');
  if (months > MAX_MONTHS) throw badUserInput('to', `a period covers at most ${MAX_MONTHS} months`);
  const lastDay = new Date(Date.UTC(toYear, toMonth, 0)).toISOString().slice(0, 10);
  return { from, to, firstDay: `${from}-01`, lastMonthStart: `${to}-01`, lastDay };
}
