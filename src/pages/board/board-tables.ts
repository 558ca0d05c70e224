import type { Cell } from '../shared/csv';
import type { TableModel } from '../shared/table-model';
import type { BoardData, BudgetYear, Row } from './board-data';
import { breakdownAlias } from './board-query';
import { AUTHORITIES, AUTHORITY_NAMES, type MonthlyFigure, type TimelinessFigure, type WaitingBreakdown } from './figures';
import { monthLabel, monthsOf, type Period } from './periods';

const PARTNERSHIP = 'Partnership';
const authorityName = (authority: unknown) =>
  authority === null ? PARTNERSHIP : (AUTHORITY_NAMES[String(authority)] ?? String(authority));
const withheld: Cell = { suppressed: true };

/** A figure, marked illustrative when any count it adds up is. */
function figure(value: number, illustrative: boolean): Cell {
  return illustrative ? { value, illustrative: true } : value;
}

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
    const cells: Cell[] = [
      s.name,
      ...months.map((m) => figure((s.byMonth.get(m) ?? NONE).value, (s.byMonth.get(m) ?? NONE).illustrative)),
      figure(now.value, now.illustrative),
    ];
    if (before && earlierMonths) {
      const then = total(before[i]!, earlierMonths);
      cells.push(figure(then.value, then.illustrative), figure(now.value - then.value, now.illustrative || then.illustrative));
    }
    return cells;
  });
  const illustrative = rows.some((row) => row.some((c) => c !== null && typeof c === 'object' && 'illustrative' in c));
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
    notes: [
      ...(spec.note ? [spec.note] : []),
      ...(illustrative ? ['Figures marked (illustrative) are generated for the demonstration, not published.'] : []),
    ],
  };
}

const rowFor = (rows: Row[] | null | undefined, authority: string | null) => rows?.find((r) => (r.authority ?? null) === authority);
const ORDER = [...AUTHORITIES, null];

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

/** A scorecard measure over the children adopted in the period, per authority and the partnership. */
export function timelinessTable(
  spec: TimelinessFigure,
  period: Period,
  rows: Row[],
  earlier?: { period: Period; rows: Row[] | null },
): TableModel {
  const average = (row: Row | undefined): Cell =>
    !row ? null : row[spec.withheld] ? withheld : row[spec.average] === null ? '–' : Math.round(Number(row[spec.average]));
  const within = (row: Row | undefined): Cell =>
    !row || row[spec.withheld] || row[spec.within] === null ? '–' : row[spec.within] ? 'yes' : 'no';
  const threshold = rows.find((r) => r[spec.threshold] !== undefined)?.[spec.threshold];
  return {
    id: `timeliness-${spec.id}`,
    title: `${spec.title}, ${period.label}`,
    header: [
      'Authority',
      'Children adopted',
      'Average days',
      `Within ${threshold ?? ''} days`,
      ...(earlier ? [`Average days, ${earlier.period.label}`] : []),
    ],
    rows: ORDER.map((a) => {
      const row = rowFor(rows, a);
      return [
        authorityName(a),
        row ? Number(row.childrenAdopted) : null,
        average(row),
        within(row),
        ...(earlier ? [average(rowFor(earlier.rows, a))] : []),
      ];
    }),
    notes: ['An average over fewer than six children, or one from which such an average could be worked out, is suppressed.'],
  };
}

const pounds = (n: number | null) => (n === null ? '–' : `£${n.toLocaleString('en-GB', { maximumFractionDigits: 0 })}`);
const percent = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)}%`);
const TREATMENTS: Record<string, string> = { ROLLED_FORWARD: 'rolled forward', RETURNED: 'returned to the authorities' };

/** The pooled budget: a row a year, then each authority's contribution and share of the underspend. */
export function budgetTables(years: BudgetYear[]): TableModel[] {
  return [
    {
      id: 'pooled-budget',
      title: 'Pooled budget by financial year',
      header: ['Financial year', 'Operating budget', 'Spend', 'Underspend', 'Underspend treatment'],
      rows: years.map((y) => [
        y.financialYear,
        pounds(y.operatingBudget),
        pounds(y.spend),
        pounds(y.underspend),
        y.underspendTreatment ? (TREATMENTS[y.underspendTreatment] ?? y.underspendTreatment) : 'not decided',
      ]),
    },
    {
      id: 'pooled-budget-shares',
      title: 'Contributions and shares of the underspend',
      header: [
        'Financial year',
        'Authority',
        'Contribution',
        'Share of the budget',
        'Share of the underspend',
        'Per cent of the underspend',
      ],
      labelColumns: 2,
      rows: years.flatMap((y) =>
        y.authorities.map((a) => [
          y.financialYear,
          authorityName(a.authority),
          pounds(a.contribution),
          percent(a.contributionShare),
          pounds(a.underspendShare),
          percent(a.underspendSharePercent),
        ]),
      ),
    },
  ];
}
