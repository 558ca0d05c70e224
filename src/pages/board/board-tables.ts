import type { Cell } from '../common/csv';
import type { TableModel } from '../common/table-model';
import type { BoardData, Row } from './board-data';
import { breakdownAlias } from './board-query';
import { authorityName, illustrativeNotes, marked, ORDER, PARTNERSHIP, rowFor, withheld } from './board-cells';
import { AUTHORITIES, type MonthlyFigure, type PartOf, type WaitingBreakdown } from './figures';
import { monthLabel, monthsOf, type Period } from './periods';

type Count = { value: number; illustrative: boolean };
type Series = { name: string; byMonth: Map<string, Count> };
const NONE: Count = { value: 0, illustrative: false };

/** One series per authority (and the partnership's sum), or the partnership's own, of one monthly figure. */
export function monthlySeries(spec: MonthlyFigure, data: BoardData): Series[] {
  const read = (row: Row): Count => ({
    value: Number(row[spec.field] ?? 0),
    illustrative: spec.illustrativeFlag ? row[spec.illustrativeFlag] === true : false,
  });
  if (spec.source === 'partnership') {
    return [{ name: PARTNERSHIP, byMonth: new Map(data.partnership.map((row) => [String(row.month), read(row)])) }];
  }
  const series = AUTHORITIES.map((authority) => ({
    name: authorityName(authority),
    byMonth: new Map(data.byAuthority.filter((row) => row.authority === authority).map((row) => [String(row.month), read(row)])),
  }));
  const sum = new Map<string, Count>();
  for (const s of series) {
    for (const [month, cell] of s.byMonth) {
      const so = sum.get(month) ?? NONE;
      sum.set(month, { value: so.value + cell.value, illustrative: so.illustrative || cell.illustrative });
    }
  }
  return [...series, { name: PARTNERSHIP, byMonth: sum }];
}

/** A count marked illustrative when any count it adds up is. */
const figure = (count: Count): Cell => marked(count.value, count.illustrative);

function total(series: Series, months: string[]): Count {
  return months.reduce<Count>((t, m) => {
    const cell = series.byMonth.get(m) ?? NONE;
    return { value: t.value + cell.value, illustrative: t.illustrative || cell.illustrative };
  }, NONE);
}

/** A monthly figure as the committee papers set it out: a row per authority, a column per month, the total; a year earlier beside it. */
export function monthlyTable(
  spec: MonthlyFigure,
  period: Period,
  data: BoardData,
  earlier?: { period: Period; data: BoardData },
): TableModel {
  const months = monthsOf(period.from, period.to);
  const series = monthlySeries(spec, data);
  const before = earlier && monthlySeries(spec, earlier.data);
  const earlierMonths = earlier && monthsOf(earlier.period.from, earlier.period.to);
  const rows = series.map((s, i) => {
    const now = total(s, months);
    const cells: Cell[] = [s.name, ...months.map((m) => figure(s.byMonth.get(m) ?? NONE)), figure(now)];
    if (before && earlierMonths) {
      const then = total(before[i]!, earlierMonths);
      cells.push(figure(then), figure({ value: now.value - then.value, illustrative: now.illustrative || then.illustrative }));
    }
    return cells;
  });
  const part = spec.partOf && partNote(spec.partOf, total(series.at(-1)!, months).value, sumOf(spec.partOf.of, spec, months, data));
  return {
    id: spec.id,
    title: `${spec.title}, ${period.label}`,
    header: [
      spec.source === 'partnership' ? '' : 'Authority',
      ...months.map(monthLabel),
      'Total',
      ...(earlier ? [`Total ${earlier.period.label}`, 'Change'] : []),
    ],
    rows,
    notes: [...(part ? [part] : []), ...(spec.note ? [spec.note] : []), ...illustrativeNotes(rows)],
  };
}

/** The sum of a field over the figure's rows of the months. */
function sumOf(field: string, spec: MonthlyFigure, months: string[], data: BoardData): number {
  const rows = spec.source === 'partnership' ? data.partnership : data.byAuthority;
  return rows.filter((row) => months.includes(String(row.month))).reduce((n, row) => n + Number(row[field] ?? 0), 0);
}

/** The part of a whole in the papers' words: "Children placed: 7; all but one placed within the partnership." */
function partNote(partOf: PartOf, part: number, whole: number): string | null {
  if (whole === 0) return null;
  const n = partOf.rest ? whole - part : part;
  const howMany = n === 0 ? 'none' : n === whole ? 'all' : n === whole - 1 && whole > 2 ? 'all but one' : String(n);
  return `${partOf.whole[0]!.toUpperCase()}${partOf.whole.slice(1)}: ${whole}; ${howMany} ${partOf.says}.`;
}

/** The children waiting at the end of the period and their average days waiting, withheld cells shown as suppressed. */
export function waitingTable(period: Period, data: BoardData, earlier?: { period: Period; data: BoardData }): TableModel {
  const count = (row: Row | undefined): Cell => (!row ? null : row.suppressed ? withheld : Number(row.children));
  const average = (row: Row | undefined): Cell =>
    !row ? null : row.averageWithheld ? withheld : row.averageDaysWaiting === null ? '–' : Math.round(Number(row.averageDaysWaiting));
  return {
    id: 'children-waiting',
    title: `Children waiting (placement order, no match) on the last day of ${period.label}`,
    header: [
      'Authority',
      'Children waiting',
      'Average days waiting',
      ...(earlier ? [`Children waiting, end of ${earlier.period.label}`] : []),
    ],
    rows: ORDER.map((a) => [
      authorityName(a),
      count(rowFor(data.childrenWaiting, a)),
      average(rowFor(data.childrenWaiting, a)),
      ...(earlier ? [count(rowFor(earlier.data.childrenWaiting, a))] : []),
    ]),
    notes: [
      'A count from 1 to 5, or one from which such a count could be worked out, is suppressed; so is an average over fewer than six children.',
    ],
  };
}

/** A breakdown of the children waiting: a row per category, a column per authority and the partnership. */
export function breakdownTable(spec: WaitingBreakdown, period: Period, data: BoardData): TableModel {
  const counts = data[breakdownAlias(spec.characteristic)] ?? [];
  const categories = [...new Set(counts.map((c) => String(c.category)))];
  return {
    id: spec.id,
    title: `${spec.title}, end of ${period.label}`,
    header: ['Category', ...ORDER.map(authorityName)],
    rows: categories.map((category) => [
      category,
      ...ORDER.map((a): Cell => {
        const cell = counts.find((c) => c.category === category && (c.authority ?? null) === a);
        return !cell ? null : cell.suppressed ? withheld : Number(cell.count);
      }),
    ]),
  };
}
