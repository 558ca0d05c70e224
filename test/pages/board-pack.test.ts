import { csvText } from '../../src/pages/shared/csv';
import { boardQuery } from '../../src/pages/board/board-query';
import { breakdownTable, monthlyTable, waitingTable } from '../../src/pages/board/board-tables';
import type { BoardData } from '../../src/pages/board/board-data';
import { MONTHLY_FIGURES, WAITING_BREAKDOWNS, type MonthlyFigure } from '../../src/pages/board/figures';
import { periodFor, previousYear, timelinessPublished } from '../../src/pages/board/periods';

/** The board pack's periods, tables and CSVs, built from the figures' config as the page builds them. */
const month = (m: string, authority: string, adoptionPlanDecisions: number, extra: Record<string, unknown> = {}) => ({
  month: m,
  authority,
  adoptionPlanDecisions,
  ...extra,
});
const DATA: BoardData = {
  byAuthority: [month('2021-01', 'BEXLEY', 1), month('2021-01', 'KENT', 4), month('2021-01', 'MEDWAY', 3), month('2021-02', 'KENT', 10)],
  partnership: [],
  childrenWaiting: [
    { authority: 'BEXLEY', children: null, suppressed: true, averageDaysWaiting: null, averageWithheld: true },
    { authority: 'KENT', children: 31, suppressed: false, averageDaysWaiting: 201.4, averageWithheld: false },
    { authority: 'MEDWAY', children: 9, suppressed: true, averageDaysWaiting: null, averageWithheld: true },
    { authority: null, children: 44, suppressed: false, averageDaysWaiting: 190, averageWithheld: false },
  ],
  by_AGE_BAND: [
    { authority: 'KENT', category: 'UNDER_1', count: null, suppressed: true },
    { authority: 'KENT', category: '1_TO_4', count: 27, suppressed: false },
  ],
};
const PLAN = MONTHLY_FIGURES.find((f) => f.id === 'plan-decisions')!;

describe('periods', () => {
  it('a quarter is a quarter of the financial year, April to June first', () => {
    expect(periodFor('quarter', '2021-05')).toMatchObject({ from: '2021-04', to: '2021-06', label: 'Q1 2021-22 (Apr 2021 – Jun 2021)' });
    expect(periodFor('quarter', '2021-02')).toMatchObject({ from: '2021-01', to: '2021-03', label: 'Q4 2020-21 (Jan 2021 – Mar 2021)' });
  });

  it('a financial year runs April to March', () => {
    expect(periodFor('year', '2021-02')).toMatchObject({ from: '2020-04', to: '2021-03', label: '2020-21 (Apr 2020 – Mar 2021)' });
  });

  it('year on year compares the same months a year earlier', () => {
    expect(previousYear(periodFor('range', '2020-11', '2021-05'))).toMatchObject({ from: '2019-11', to: '2020-05' });
    expect(previousYear(periodFor('quarter', '2021-01'))).toMatchObject({ from: '2020-01', to: '2020-03' });
  });

  it('timeliness is asked for quarters and financial years only, where it is published', () => {
    expect(['month', 'quarter', 'year', 'range'].map((k) => timelinessPublished(periodFor(k as never, '2021-01')))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(boardQuery(false)).not.toContain('timeliness');
    expect(boardQuery(true)).toContain('a2AverageDays');
  });
});

describe('tables', () => {
  it('a monthly figure has a row per authority and the partnership, a column per month and the total', () => {
    const table = monthlyTable(PLAN, periodFor('range', '2021-01', '2021-02'), DATA);
    expect(table.header).toEqual(['Authority', 'Jan 2021', 'Feb 2021', 'Total']);
    expect(table.rows).toEqual([
      ['Bexley', 1, 0, 1],
      ['Kent', 4, 10, 14],
      ['Medway', 3, 0, 3],
      ['Partnership', 8, 10, 18],
    ]);
  });

  it('year on year puts the same period a year earlier beside the total, with the change', () => {
    const table = monthlyTable(PLAN, periodFor('month', '2021-01'), DATA, {
      period: periodFor('month', '2020-01'),
      data: { ...DATA, byAuthority: [month('2020-01', 'KENT', 6)] },
    });
    expect(table.header.slice(-2)).toEqual(['Total Jan 2020', 'Change']);
    expect(table.rows[1]).toEqual(['Kent', 4, 4, 6, -2]);
  });

  it('a figure flagged illustrative is shown and written as illustrative, and so is every total it adds to', () => {
    const flagged: MonthlyFigure = { ...PLAN, illustrativeFlag: 'illustrative' };
    const data = { ...DATA, byAuthority: [month('2021-01', 'KENT', 4, { illustrative: true }), month('2021-01', 'MEDWAY', 3)] };
    const table = monthlyTable(flagged, periodFor('month', '2021-01'), data);
    expect(table.rows[1]).toEqual(['Kent', { value: 4, illustrative: true }, { value: 4, illustrative: true }]);
    expect(table.rows[2]).toEqual(['Medway', 3, 3]);
    expect(table.notes).toContain('Figures marked (illustrative) are generated for the demonstration, not published.');
    expect(csvText(table.header, table.rows)).toContain('"Kent","4 (illustrative)","4 (illustrative)"');
  });

  it('a suppressed count of children waiting is shown and written as suppressed, never as a number', () => {
    const table = waitingTable(periodFor('month', '2021-01'), DATA);
    expect(table.rows[2]).toEqual(['Medway', { suppressed: true }, { suppressed: true }]);
    const csv = csvText(table.header, table.rows);
    expect(csv).toContain('"Medway","suppressed","suppressed"');
    expect(csv).not.toContain('"9"');
  });

  it('a breakdown of the children waiting shows its suppressed cells as suppressed', () => {
    const table = breakdownTable(WAITING_BREAKDOWNS[0]!, periodFor('month', '2021-01'), DATA);
    expect(table.rows).toEqual([
      ['UNDER_1', null, { suppressed: true }, null, null],
      ['1_TO_4', null, 27, null, null],
    ]);
  });

  it('a CSV cell a spreadsheet would run as a formula is defused, and a negative number stays a number', () => {
    expect(csvText(['a', 'b'], [['=SUM(A1)', -2]])).toBe('"a","b"\r\n"\'=SUM(A1)","-2"\r\n');
  });
});
