import { monthPeriod } from '../../src/board/months';
import { reportingPeriod } from '../../src/board/reporting-periods';
import { protectTimeliness } from '../../src/board/timeliness-disclosure';
import { insertApprovedHousehold, insertJourney, type AdoptedChild } from '../helpers/board-fixtures';
import { useTestApi } from '../helpers/test-api';

/**
 * A1, A2, A3 and A10 (DfE adoption scorecard, docs/domain.md, "What the Board reads") against cases computed by
 * hand, over the children adopted in April 2025 – March 2026, and which are withheld as too few to show.
 */
const KENT_A = {
  authority: 'KENT',
  enteredCareOn: '2024-01-10',
  orderOn: '2024-06-01',
  matchedOn: '2024-08-30',
  movedInOn: '2024-09-15',
  placedOn: '2024-09-15',
  adoptedOn: '2025-05-20',
} as const;
const KENT_B = {
  authority: 'KENT',
  enteredCareOn: '2024-03-01',
  orderOn: '2024-07-01',
  matchedOn: '2024-05-01',
  movedInOn: '2024-04-15',
  placedOn: '2024-07-10',
  adoptedOn: '2025-06-01',
} as const;
const MEDWAY_C = {
  authority: 'MEDWAY',
  enteredCareOn: '2023-02-01',
  orderOn: '2023-09-01',
  matchedOn: '2023-12-01',
  movedInOn: '2023-02-01',
  placedOn: '2024-01-05',
  adoptedOn: '2025-10-10',
} as const;
const KENT_CONSENT = {
  authority: 'KENT',
  enteredCareOn: '2023-01-01',
  orderOn: '2024-10-01',
  byConsent: true,
  matchedOn: '2024-11-01',
  movedInOn: '2024-11-20',
  placedOn: '2024-11-20',
  adoptedOn: '2025-06-16',
} as const;

const api = useTestApi(async ({ dataSource }) => {
  const household = await insertApprovedHousehold(dataSource);
  const times = async (n: number, journey: AdoptedChild) => {
    for (let i = 0; i < n; i += 1) await insertJourney(dataSource, household, journey);
  };
  // Kent A ×3: order 2024-06-01 → match 2024-08-30 = 90 days; care 2024-01-10 → placed (and moved in) 2024-09-15 = 249.
  await times(3, KENT_A);
  // Kent B ×3: matched before the order (early permanence) counts as 0; care → placed 2024-07-10 = 131 (A1), moved in
  // with the carers 2024-04-15 = 45 (A10).
  await times(3, KENT_B);
  // Medway C ×6: adopted by own foster carers, with whom the child lived from entering care: A10 = 0; A1 = 338 (placed
  // 2024-01-05); A2 = 91.
  await times(6, MEDWAY_C);
  // Kent, by consent: no A2 (court authority only); care 2023-01-01 → placed 2024-11-20 = 689 days, over 14 months (A3).
  await insertJourney(dataSource, household, KENT_CONSENT);
  // Bexley D: adopted the day before the period; Bexley E: placed, not adopted. Neither counts.
  await insertJourney(dataSource, household, {
    authority: 'BEXLEY',
    enteredCareOn: '2023-01-01',
    orderOn: '2023-05-01',
    matchedOn: '2023-06-01',
    movedInOn: '2023-07-01',
    placedOn: '2023-07-01',
    adoptedOn: '2025-03-31',
  });
  await insertJourney(dataSource, household, {
    authority: 'BEXLEY',
    enteredCareOn: '2025-01-01',
    orderOn: '2025-05-01',
    matchedOn: '2025-06-01',
    movedInOn: '2025-07-01',
    placedOn: '2025-07-01',
    adoptedOn: null,
  });
});

const timeliness = (from: string, to: string) => `{ boardPerformance(from: "${from}", to: "${to}") {
  timeliness {
    authority childrenAdopted
    a1AverageDays a1Withheld a1ThresholdDays a1WithinThreshold
    a2AverageDays a2Withheld a2ThresholdDays a2WithinThreshold
    a3Children a3Percent a3Withheld
    a10AverageDays a10Withheld a10ThresholdDays a10WithinThreshold
  }
} }`;
/** A10 borrows no threshold: the scorecard sets none, and none is configured here. */
const thresholds = { a1ThresholdDays: 426, a2ThresholdDays: 121, a10ThresholdDays: null, a10WithinThreshold: null };
const shown = { a1Withheld: false, a2Withheld: false, a3Withheld: false, a10Withheld: false };

it('A1, A2, A3 and A10 per authority and for the partnership match the hand calculation over a financial year', async () => {
  const { data, errors } = await api().as('board.medway')(timeliness('2025-04', '2026-03'));
  expect(errors).toBeUndefined();
  expect(data!.boardPerformance.timeliness).toEqual([
    {
      authority: 'BEXLEY',
      childrenAdopted: 0,
      a1AverageDays: null,
      a2AverageDays: null,
      a3Children: 0,
      a3Percent: null,
      a10AverageDays: null,
      ...shown,
      ...thresholds,
      a1WithinThreshold: null,
      a2WithinThreshold: null,
    },
    // A1 (3 × 249 + 3 × 131 + 689) / 7 = 261.3; A2 (3 × 90 + 3 × 0) / 6 = 45; A10 (3 × 249 + 3 × 45 + 689) / 7 = 224.4
    {
      authority: 'KENT',
      childrenAdopted: 7,
      a1AverageDays: 261.3,
      a2AverageDays: 45,
      a3Children: 6,
      a3Percent: 85.7,
      a10AverageDays: 224.4,
      ...shown,
      ...thresholds,
      a1WithinThreshold: true,
      a2WithinThreshold: true,
    },
    {
      authority: 'MEDWAY',
      childrenAdopted: 6,
      a1AverageDays: 338,
      a2AverageDays: 91,
      a3Children: 6,
      a3Percent: 100,
      a10AverageDays: 0,
      ...shown,
      ...thresholds,
      a1WithinThreshold: true,
      a2WithinThreshold: true,
    },
    // A1 (1829 + 6 × 338) / 13 = 296.7; A2 (3 × 90 + 3 × 0 + 6 × 91) / 12 = 68; A10 1571 / 13 = 120.8; A3 12 of 13
    {
      authority: null,
      childrenAdopted: 13,
      a1AverageDays: 296.7,
      a2AverageDays: 68,
      a3Children: 12,
      a3Percent: 92.3,
      a10AverageDays: 120.8,
      ...shown,
      ...thresholds,
      a1WithinThreshold: true,
      a2WithinThreshold: true,
    },
  ]);
});

it('A2 runs from a court placement order only: a child placed by consent counts in A1, A3 and A10, not in A2', async () => {
  const { data } = await api().as('board.kent')(timeliness('2025-04', '2025-06'));
  // Consent on 2024-10-01, match 2024-11-01: counted, it would make Kent's A2 (270 + 31) / 7 = 43.
  expect(data!.boardPerformance.timeliness[1]).toMatchObject({ authority: 'KENT', childrenAdopted: 7, a2AverageDays: 45 });
});

it('A10 is judged against a threshold only when one is configured', () => {
  const { year, id } = reportingPeriod(monthPeriod('2025-04', '2026-03'));
  const kentInMay = { month: '2025-05', authority: 'KENT' as const, adopted: 6, a1Children: 6, a1Days: 2400 };
  const clocks = { a2Children: 6, a2Days: 600, a3Children: 6, a10Children: 6, a10Days: 1800 };
  const [, kent] = protectTimeliness(year, id, [{ ...kentInMay, ...clocks }], { a1Days: 426, a2Days: 121, a10Days: 280 });
  expect(kent).toMatchObject({ a10AverageDays: 300, a10ThresholdDays: 280, a10WithinThreshold: false });
});

it('an average over fewer than six children is withheld, A3 with A1: the one adoption of 2024-25 gives its count, not its days', async () => {
  const { data } = await api().as('board.bexley')(timeliness('2024-04', '2025-03'));
  const withheld = {
    a1AverageDays: null,
    a2AverageDays: null,
    a3Children: null,
    a3Percent: null,
    a10AverageDays: null,
    a1Withheld: true,
    a2Withheld: true,
    a3Withheld: true,
    a10Withheld: true,
    a1WithinThreshold: null,
    a2WithinThreshold: null,
  };
  expect(data!.boardPerformance.timeliness[0]).toEqual({ authority: 'BEXLEY', childrenAdopted: 1, ...withheld, ...thresholds });
  expect(data!.boardPerformance.timeliness[3]).toEqual({ authority: null, childrenAdopted: 1, ...withheld, ...thresholds });
});

it('a quarter of the financial year has its averages: April–June 2025, seven adoptions in Kent', async () => {
  const quarter = (await api().as('board.kent')(timeliness('2025-04', '2025-06'))).data!.boardPerformance.timeliness;
  expect(quarter[1]).toMatchObject({ authority: 'KENT', childrenAdopted: 7, a1AverageDays: 261.3, a2AverageDays: 45, a2Withheld: false });
  expect(quarter[3]).toMatchObject({ authority: null, childrenAdopted: 7, a1AverageDays: 261.3, a2AverageDays: 45, a2Withheld: false });
});

it.each([
  ['a month, beside its quarter', '2025-05', '2025-05'],
  ['two months', '2025-04', '2025-05'],
  ['a quarter not of the financial year', '2025-02', '2025-04'],
  ['a calendar year', '2025-01', '2025-12'],
  ['two financial years', '2024-04', '2026-03'],
])(
  'the scorecard over %s is refused (BAD_USER_INPUT), the rest of the request answering: only quarters and financial years nest',
  async (_, from, to) => {
    const { data, errors } = await api().as('board.kent')(timeliness(from, to).replace('timeliness {', 'to timeliness {'));
    expect(data!.boardPerformance).toEqual({ to, timeliness: null });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  },
);
