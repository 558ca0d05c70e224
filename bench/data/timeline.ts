import { addDays } from '../../src/common/clock';
import type { Random } from '../../seeds/random';

export { addDays };

/** The data is as of this day: the board's last 12 months end here, and nothing is dated later. */
export const AS_OF = '2026-11-20';
/** Six years of history before it. */
export const HISTORY_FROM = '2020-11-20';

const DAY_MS = 86_400_000;
const fromMs = Date.parse(`${HISTORY_FROM}T00:00:00Z`);

export const HISTORY_DAYS = Math.round((Date.parse(`${AS_OF}T00:00:00Z`) - fromMs) / DAY_MS);

/** The day `offset` days into the history. */
export const historyDay = (offset: number) => addDays(HISTORY_FROM, offset);

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** An instant in office hours (UTC) on `date`, ISO 8601 with milliseconds: when a record was written. */
export function instantOn(random: Random, date: string): string {
  const ms = random.int(8 * 3_600_000, 18 * 3_600_000 - 1);
  return new Date(Date.parse(`${date}T00:00:00Z`) + ms).toISOString();
}

/** `date` if it falls on or before AS_OF, else null: what has happened by then. */
export const byAsOf = (date: string | null): string | null => (date !== null && date <= AS_OF ? date : null);

export const earlierOf = (a: string, b: string) => (a < b ? a : b);
export const laterOf = (a: string, b: string) => (a > b ? a : b);
