/** The board's reporting periods: whole UK calendar months, the financial year running April to March. */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';
export type Period = { kind: PeriodKind; from: string; to: string; label: string };

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const parts = (month: string) => month.split('-').map(Number) as [number, number];

export function addMonths(month: string, n: number): string {
  const [year, m] = parts(month);
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

export function monthLabel(month: string): string {
  const [year, m] = parts(month);
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

/** The calendar year in which the financial year holding `month` starts (April). */
const financialYearStart = (month: string) => {
  const [year, m] = parts(month);
  return m >= 4 ? year : year - 1;
};
const financialYearLabel = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

/** The period of a view: the month, its quarter of the financial year, its financial year, or a range from it to `to`. */
export function periodFor(kind: PeriodKind, month: string, to: string = month): Period {
  const start = financialYearStart(month);
  if (kind === 'month') return { kind, from: month, to: month, label: monthLabel(month) };
  if (kind === 'quarter') {
    const quarter = Math.floor(((parts(month)[1] + 8) % 12) / 3);
    const from = addMonths(`${start}-04`, quarter * 3);
    const last = addMonths(from, 2);
    return { kind, from, to: last, label: `Q${quarter + 1} ${financialYearLabel(start)} (${monthLabel(from)} – ${monthLabel(last)})` };
  }
  if (kind === 'year') {
    const from = `${start}-04`;
    return {
      kind,
      from,
      to: `${start + 1}-03`,
      label: `${financialYearLabel(start)} (${monthLabel(from)} – ${monthLabel(`${start + 1}-03`)})`,
    };
  }
  const [first, last] = month <= to ? [month, to] : [to, month];
  return { kind, from: first, to: last, label: first === last ? monthLabel(first) : `${monthLabel(first)} – ${monthLabel(last)}` };
}

/** The same period a year earlier, for year-on-year comparison. */
export function previousYear(period: Period): Period {
  return periodFor(period.kind, addMonths(period.from, -12), addMonths(period.to, -12));
}

/** Timeliness averages are published for quarters and financial years only (docs/board-disclosure.md). */
export const timelinessPublished = (period: Period): boolean => period.kind === 'quarter' || period.kind === 'year';

/** The financial year a pooled budget is kept for, e.g. '2024-25', holding the period's last month. */
export const budgetYearOf = (period: Period): string => financialYearLabel(financialYearStart(period.to));
