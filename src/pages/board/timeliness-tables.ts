import type { Cell } from '../common/csv';
import type { TableModel } from '../common/table-model';
import type { Row } from './board-data';
import { authorityName, ORDER, rowFor, withheld } from './board-cells';
import type { BarChartSpec } from './chart-spec';
import type { TimelinessFigure } from './figures';
import type { Period } from './periods';

type Earlier = { period: Period; rows: Row[] | null };
type Average = Extract<TimelinessFigure, { kind: 'average' }>;
type Share = Extract<TimelinessFigure, { kind: 'share' }>;

const WITHHELD_NOTE = 'An average over fewer than six children, or one from which such an average could be worked out, is suppressed.';

/** The measure's threshold in days; null when none is set (A10 by default): never another measure's. */
export const thresholdOf = (spec: Average, rows: Row[]): number | null => {
  const value = rows.find((r) => r[spec.threshold] !== undefined)?.[spec.threshold];
  return value === null || value === undefined ? null : Number(value);
};

/** A scorecard measure over the children adopted in the period, per authority and the partnership. */
export function timelinessTable(spec: TimelinessFigure, period: Period, rows: Row[], earlier?: Earlier): TableModel {
  const table = spec.kind === 'average' ? averageTable(spec, rows, earlier) : shareTable(spec, rows, earlier);
  return { id: `timeliness-${spec.id}`, title: `${spec.title}, ${period.label}`, ...table };
}

function averageTable(spec: Average, rows: Row[], earlier?: Earlier): Omit<TableModel, 'id' | 'title'> {
  const threshold = thresholdOf(spec, rows);
  const average = (row: Row | undefined): Cell =>
    !row ? null : row[spec.withheld] ? withheld : row[spec.average] === null ? '–' : Math.round(Number(row[spec.average]));
  const within = (row: Row | undefined): Cell =>
    !row || row[spec.withheld]
      ? '–'
      : threshold === null
        ? 'no threshold set'
        : row[spec.within] === null
          ? '–'
          : row[spec.within]
            ? 'yes'
            : 'no';
  return {
    header: [
      'Authority',
      'Children adopted',
      'Average days',
      threshold === null ? 'Within threshold' : `Within ${threshold} days`,
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
    notes: [WITHHELD_NOTE],
  };
}

/** A3's shape: how many of the children adopted, and their percentage, withheld together. */
function shareTable(spec: Share, rows: Row[], earlier?: Earlier): Omit<TableModel, 'id' | 'title'> {
  const value = (row: Row | undefined, field: string): Cell =>
    !row ? null : row[spec.withheld] ? withheld : row[field] === null ? '–' : Number(row[field]);
  return {
    header: [
      'Authority',
      'Children adopted',
      'Of them, within 14 months',
      'Per cent',
      ...(earlier ? [`Per cent, ${earlier.period.label}`] : []),
    ],
    rows: ORDER.map((a) => {
      const row = rowFor(rows, a);
      return [
        authorityName(a),
        row ? Number(row.childrenAdopted) : null,
        value(row, spec.children),
        value(row, spec.percent),
        ...(earlier ? [value(rowFor(earlier.rows, a), spec.percent)] : []),
      ];
    }),
    notes: ['A count over fewer than six children, or wherever A1 is withheld (the same children), is suppressed.'],
  };
}

/** The chart of a timeliness table: averages (A3: percentages) per authority, suppressed ones left out. */
export function timelinessChart(spec: TimelinessFigure, table: TableModel, rows: Row[]): BarChartSpec {
  const column = table.header.indexOf(spec.kind === 'average' ? 'Average days' : 'Per cent');
  const threshold = spec.kind === 'average' ? thresholdOf(spec, rows) : null;
  return {
    id: table.id,
    title: `${spec.title} (suppressed figures left out)`,
    categories: table.rows.map((r) => String(r[0])),
    series: [{ name: table.header[column]!, values: table.rows.map((r) => (typeof r[column] === 'number' ? r[column] : null)) }],
    ...(threshold === null ? {} : { threshold }),
  };
}
