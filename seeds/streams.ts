import { addDays, daysBetween, firstDayOf, inRange, lastDayOf, monthOf, monthsFrom, randomWeekday } from './calendar';
import { PERIOD, publishedCount, type MonthlyCounts, type YearTotal } from './published-figures';
import type { Random } from './random';

/**
 * Events of one kind: the published count in each month of the period, a published year's total spread at random
 * over its months, a Poisson count around `rate` otherwise.
 */
export type StreamSpec = { fromMonth: string; rate: number; published?: MonthlyCounts; year?: YearTotal };

/** The dates of a stream's events from its first month up to `today`, in order (working days). */
export function streamDates(random: Random, spec: StreamSpec, today: string): string[] {
  const spread = new Map<string, number>();
  if (spec.year) {
    const months = monthsFrom(monthOf(spec.year.range.from), monthOf(spec.year.range.to));
    for (let i = 0; i < spec.year.count; i += 1) {
      const month = random.pick(months);
      spread.set(month, (spread.get(month) ?? 0) + 1);
    }
  }
  return monthsFrom(spec.fromMonth, monthOf(today))
    .flatMap((month) => {
      const count =
        (spec.published && publishedCount(spec.published, month)) ??
        (spec.year && inRange(firstDayOf(month), spec.year.range) ? (spread.get(month) ?? 0) : random.poisson(spec.rate));
      return Array.from({ length: count }, () => randomWeekday(random, { from: firstDayOf(month), to: lastDayOf(month) }));
    })
    .filter((on) => on <= today)
    .sort();
}

/** How long after its cause an event usually follows: at least `min`, usually in `usual`, never beyond `max` days. */
export type Lag = { min: number; usual: readonly [number, number]; max: number };

/**
 * Of `candidates`, the one whose date (`dateOf`) lies before `on` by the lag closest to a usual one
 * drawn at random, within [min, max]; undefined when none fits.
 */
export function closestByLag<T>(random: Random, candidates: readonly T[], dateOf: (t: T) => string, on: string, lag: Lag): T | undefined {
  const aim = random.int(...lag.usual);
  let best: T | undefined;
  let bestMiss = Infinity;
  for (const candidate of candidates) {
    const days = daysBetween(dateOf(candidate), on);
    if (days < lag.min || days > lag.max) continue;
    const miss = Math.abs(days - aim);
    if (miss < bestMiss) [best, bestMiss] = [candidate, miss];
  }
  return best;
}

/**
 * A date about a usual lag before `on`, moved before the published period if it would land in it, or before the
 * published `year` of its kind (counts fixed).
 */
export function causeBefore(random: Random, on: string, lag: Lag, year?: YearTotal): string {
  const date = addDays(on, -random.int(...lag.usual));
  if (inRange(date, PERIOD)) return randomWeekday(random, { from: '2020-09-01', to: '2020-10-30' });
  if (year && inRange(date, year.range))
    return randomWeekday(random, { from: addDays(year.range.from, -60), to: addDays(year.range.from, -3) });
  return date;
}
