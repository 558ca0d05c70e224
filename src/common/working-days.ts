import { addDays } from './clock';

/**
 * The agency's working days: Monday to Friday, except the bank holidays of England (and Wales). Each year's are
 * worked out from the rules that set them, with the moved and one-off days proclaimed since 2000 listed by name.
 */

/** Days proclaimed for one year only, and the regular days they replaced that year. */
const PROCLAIMED: Record<string, { add: string[]; remove: string[] }> = {
  '2002': { add: ['2002-06-03', '2002-06-04'], remove: ['2002-05-27'] },
  '2011': { add: ['2011-04-29'], remove: [] },
  '2012': { add: ['2012-06-04', '2012-06-05'], remove: ['2012-05-28'] },
  '2020': { add: ['2020-05-08'], remove: ['2020-05-04'] },
  '2022': { add: ['2022-06-02', '2022-06-03', '2022-09-19'], remove: ['2022-05-30'] },
  '2023': { add: ['2023-05-08'], remove: [] },
};

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => dayOfWeek(date) % 6 === 0;
const pad = (n: number) => String(n).padStart(2, '0');

/** Easter Sunday of `year` (the Gregorian computus, Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first Monday on or after `date`. */
const mondayFrom = (date: string) => addDays(date, (8 - dayOfWeek(date)) % 7);

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of England in `year`. */
export function bankHolidaysOf(year: number): ReadonlySet<string> {
  const known = holidaysByYear.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const days = new Set<string>([
    addDays(easter, -2),
    addDays(easter, 1),
    mondayFrom(`${year}-05-01`),
    addDays(mondayFrom(`${year}-06-01`), -7),
    addDays(mondayFrom(`${year}-09-01`), -7),
  ]);
  // New Year's Day, Christmas Day and Boxing Day: one falling at a weekend moves to the next free weekday.
  for (const fixed of [`${year}-01-01`, `${year}-12-25`, `${year}-12-26`]) {
    let day = fixed;
    while (isWeekend(day) || days.has(day)) day = addDays(day, 1);
    days.add(day);
  }
  const proclaimed = PROCLAIMED[String(year)];
  proclaimed?.remove.forEach((day) => days.delete(day));
  proclaimed?.add.forEach((day) => days.add(day));
  holidaysByYear.set(year, days);
  return days;
}

export const isWorkingDay = (date: string) => !isWeekend(date) && !bankHolidaysOf(Number(date.slice(0, 4))).has(date);

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`): how long something has waited. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
