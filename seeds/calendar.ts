import { addDays } from '../src/common/clock';
import type { Random } from './random';

export { addDays };

/** Calendar days as 'YYYY-MM-DD' and months as 'YYYY-MM' (UTC arithmetic: dates, not instants). */
const DAY_MS = 86_400_000;

const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

export type DateRange = { readonly from: string; readonly to: string };

/** Days since 1970-01-01, remembered: parsing a date string is most of the time the demo data takes to make. */
const dayNumbers = new Map<string, number>();
function dayNumber(date: string): number {
  let days = dayNumbers.get(date);
  if (days === undefined) {
    days = parse(date).getTime() / DAY_MS;
    dayNumbers.set(date, days);
  }
  return days;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export const monthOf = (date: string) => date.slice(0, 7);
export const firstDayOf = (month: string) => `${month}-01`;

export function lastDayOf(month: string): string {
  const d = parse(firstDayOf(month));
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return format(d);
}

/** Every month from `from` to `to`, inclusive. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = monthOf(addDays(lastDayOf(month), 1))) months.push(month);
  return months;
}

export const inRange = (date: string, range: DateRange) => date >= range.from && date <= range.to;
export const laterOf = (a: string, b: string) => (a > b ? a : b);
export const earlierOf = (a: string, b: string) => (a < b ? a : b);

export function overlap(a: DateRange, b: DateRange): DateRange | undefined {
  const range = { from: laterOf(a.from, b.from), to: earlierOf(a.to, b.to) };
  return range.from <= range.to ? range : undefined;
}

/** The day of the week of `date`: 0 (Sunday) … 6 (Saturday). */
export const dayOfWeek = (date: string) => parse(date).getUTCDay();
export const isWeekday = (date: string) => dayOfWeek(date) % 6 !== 0;

/** The weekday on or after `date`. */
export function weekdayFrom(date: string): string {
  let day = date;
  while (!isWeekday(day)) day = addDays(day, 1);
  return day;
}

/** `days` working days (Monday to Friday) after `date`. */
export function addWorkingDays(date: string, days: number): string {
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isWeekday(day)) left -= 1;
  }
  return day;
}

export const randomDay = (random: Random, range: DateRange) => addDays(range.from, random.int(0, daysBetween(range.from, range.to)));

/** A random day in `range`; a weekday when the range holds one (offices record decisions on working days). */
export function randomWeekday(random: Random, range: DateRange): string {
  const span = daysBetween(range.from, range.to);
  if (span < 0) throw new Error(`empty date range ${range.from}..${range.to}`);
  for (let tries = 0; tries < 20; tries += 1) {
    const day = addDays(range.from, random.int(0, span));
    if (isWeekday(day)) return day;
  }
  return addDays(range.from, random.int(0, span));
}
