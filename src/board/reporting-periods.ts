import { badUserInput } from '../graphql/errors';
import type { MonthPeriod } from './months';

/** A quarter of the financial year ('Q1' is April–June) or the year ('FY'). */
export type PeriodId = string;

/** One financial year (April–March) and the periods within it that averages are published for. */
export type FinancialYear = { firstDay: string; lastDay: string; months: string[]; periods: { id: PeriodId; months: string[] }[] };

/**
 * Averages over the children adopted are published for quarters of the financial year and whole financial years
 * only: these nest, so the API can see every sum a reader could subtract from another. Any other range (a month
 * beside its quarter, a year from January) would let the difference of two published averages give one child's days.
 */
export function reportingPeriod(period: MonthPeriod): { year: FinancialYear; id: PeriodId } {
  const year = financialYearOf(period.from);
  const match = year.periods.find((p) => p.months[0] === period.from && p.months.at(-1) === period.to);
  if (!match) {
    throw badUserInput(
      'to',
      'averages are published for a quarter of the financial year (April–June, July–September, October–December, January–March) or a financial year (April–March)',
    );
  }
  return { year, id: match.id };
}

function financialYearOf(month: string): FinancialYear {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const start = m >= 4 ? year : year - 1;
  const months = Array.from({ length: 12 }, (_, i) => {
    const n = 3 + i;
    return `${start + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
  const quarters = [0, 1, 2, 3].map((q) => ({ id: `Q${q + 1}`, months: months.slice(q * 3, q * 3 + 3) }));
  return {
    firstDay: `${start}-04-01`,
    lastDay: `${start + 1}-03-31`,
    months,
    periods: [...quarters, { id: 'FY', months }],
  };
}
