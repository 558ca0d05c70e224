import { csvText } from '../../src/pages/common/csv';
import { boardQuery } from '../../src/pages/board/board-query';
import { breakdownTable, monthlyTable, waitingTable } from '../../src/pages/board/board-tables';
import type { BoardData, BudgetYear } from '../../src/pages/board/board-data';
import { budgetTables } from '../../src/pages/board/budget-tables';
import { MONTHLY_FIGURES, TIMELINESS_FIGURES, WAITING_BREAKDOWNS, type MonthlyFigure } from '../../src/pages/board/figures';
import { timelinessChart, timelinessTable } from '../../src/pages/board/timeliness-tables';
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
const figureOf = (id: string) => MONTHLY_FIGURES.find((f) => f.id === id)!;
const PLAN = figureOf('plan-decisions');
const timelinessOf = (id: string) => TIMELINESS_FIGURES.find((f) => f.id === id)!;

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

describe('the query', () => {
  it('asks for every configured figure, the flags that mark one illustrative, and the wholes a figure is part of', () => {
    const query = boardQuery(true);
    for (const field of [
      'supportRequestsProgressed',
      'supportAssessmentsCompleted',
      'earlyPermanenceIllustrative',
      'childrenPlaced',
      'placedWithOtherAgencyAdopters',
    ]) {
      expect(query).toContain(field);
    }
    for (const field of ['a1AverageDays', 'a1ThresholdDays', 'a3Children', 'a3Percent', 'a3Withheld', 'a10ThresholdDays']) {
      expect(query).toContain(field);
    }
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

  it('the early-permanence split by authority is marked illustrative when the API flags it', () => {
    const data = {
      ...DATA,
      byAuthority: [month('2021-01', 'KENT', 0, { earlyPermanencePlacements: 3, earlyPermanenceIllustrative: true })],
    };
    const table = monthlyTable(figureOf('early-permanence'), periodFor('month', '2021-01'), data);
    expect(table.rows[1]).toEqual(['Kent', { value: 3, illustrative: true }, { value: 3, illustrative: true }]);
    expect(table.rows[3]).toEqual(['Partnership', { value: 3, illustrative: true }, { value: 3, illustrative: true }]);
  });

  it('children placed with adopters from outside the partnership carry the papers’ words: all but one placed within it', () => {
    const placed = (m: string, childrenPlaced: number, placedWithOtherAgencyAdopters: number) => ({
      month: m,
      childrenPlaced,
      placedWithOtherAgencyAdopters,
    });
    const data = { ...DATA, partnership: [placed('2021-01', 4, 1), placed('2021-02', 3, 0)] };
    const table = monthlyTable(figureOf('placed-outside'), periodFor('range', '2021-01', '2021-02'), data);
    expect(table.header).toEqual(['', 'Jan 2021', 'Feb 2021', 'Total']);
    expect(table.rows).toEqual([['Partnership', 1, 0, 1]]);
    expect(table.notes).toEqual(['Children placed: 7; all but one placed within the partnership.']);
    const none = { ...data, partnership: [placed('2021-01', 4, 0)] };
    expect(monthlyTable(figureOf('placed-outside'), periodFor('month', '2021-01'), none).notes).toEqual([
      'Children placed: 4; all placed within the partnership.',
    ]);
  });

  it('calls for support that went on to an advice-line call are said as a part of the calls', () => {
    const data = {
      ...DATA,
      byAuthority: [
        month('2021-01', 'KENT', 0, { supportRequests: 20, supportRequestsProgressed: 15 }),
        month('2021-01', 'MEDWAY', 0, { supportRequests: 3, supportRequestsProgressed: 3 }),
      ],
    };
    const table = monthlyTable(figureOf('support-calls-progressed'), periodFor('month', '2021-01'), data);
    expect(table.rows.at(-1)).toEqual(['Partnership', 18, 18]);
    expect(table.notes?.[0]).toBe('Calls for support: 23; 18 went on to an advice-line call.');
  });

  it('A1 is shown against its threshold, and A10 without one reads "no threshold set", never a borrowed one', () => {
    const rows = [
      { authority: 'KENT', childrenAdopted: 12, a1AverageDays: 401.6, a1Withheld: false, a1ThresholdDays: 426, a1WithinThreshold: true },
      { authority: null, childrenAdopted: 14, a10AverageDays: 380, a10Withheld: false, a10ThresholdDays: null, a10WithinThreshold: null },
    ];
    const period = periodFor('year', '2021-01');
    const a1 = timelinessTable(timelinessOf('a1'), period, rows);
    expect(a1.header[3]).toBe('Within 426 days');
    expect(a1.rows[1]).toEqual(['Kent', 12, 402, 'yes']);
    const a10 = timelinessTable(timelinessOf('a10'), period, rows);
    expect(a10.header[3]).toBe('Within threshold');
    expect(a10.rows[3]).toEqual(['Partnership', 14, 380, 'no threshold set']);
    expect(timelinessChart(timelinessOf('a10'), a10, rows)).not.toHaveProperty('threshold');
    expect(timelinessChart(timelinessOf('a1'), a1, rows).threshold).toBe(426);
  });

  it('A3 is a count and a percentage of the children adopted, both suppressed when withheld', () => {
    const rows = [
      { authority: 'BEXLEY', childrenAdopted: 3, a3Children: null, a3Percent: null, a3Withheld: true },
      { authority: 'KENT', childrenAdopted: 14, a3Children: 12, a3Percent: 85.7, a3Withheld: false },
    ];
    const table = timelinessTable(timelinessOf('a3'), periodFor('year', '2021-01'), rows);
    expect(table.header).toEqual(['Authority', 'Children adopted', 'Of them, within 14 months', 'Per cent']);
    expect(table.rows.slice(0, 2)).toEqual([
      ['Bexley', 3, { suppressed: true }, { suppressed: true }],
      ['Kent', 14, 12, 85.7],
    ]);
    expect(timelinessChart(timelinessOf('a3'), table, rows).series[0]!.values).toEqual([null, 85.7, null, null]);
  });

  it('the pooled budget marks its illustrative figures and says an undecided underspend is not yet decided', () => {
    const year: BudgetYear = {
      financialYear: '2023-24',
      operatingBudget: '4100000.00',
      spend: '3772000.00',
      illustrative: true,
      underspend: '328000.00',
      underspendTreatment: 'NOT_DECIDED',
      authorities: [
        {
          authority: 'MEDWAY',
          contribution: '950000.00',
          contributionShare: 23.2,
          illustrative: true,
          underspendShare: '66000.00',
          underspendSharePercent: 20.1,
          underspendShareIllustrative: false,
        },
      ],
    };
    const [years, shares] = budgetTables([year]);
    expect(years!.rows[0]).toEqual([
      '2023-24',
      { value: '£4,100,000', illustrative: true },
      { value: '£3,772,000', illustrative: true },
      '£328,000',
      'not yet decided',
    ]);
    expect(shares!.rows[0]).toEqual([
      '2023-24',
      'Medway',
      { value: '£950,000', illustrative: true },
      { value: '23.2%', illustrative: true },
      '£66,000',
      '20.1%',
    ]);
    expect(csvText(years!.header, years!.rows)).toContain('"2023-24","£4,100,000 (illustrative)","£3,772,000 (illustrative)","£328,000"');
    expect(years!.notes).toEqual(['Figures marked (illustrative) are generated for the demonstration, not published.']);
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
