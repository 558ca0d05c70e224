import { insertApprovedHousehold, insertJourney, type AdoptedChild } from '../helpers/board-fixtures';
import { useTestApi } from '../helpers/test-api';

/**
 * A2 and A10 (DfE adoption scorecard, docs/domain.md, "What the Board reads") against cases computed by hand,
 * over the children adopted in April 2025 – March 2026, and which averages are withheld as too few to show.
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

const api = useTestApi(async ({ dataSource }) => {
  const household = await insertApprovedHousehold(dataSource);
  const times = async (n: number, journey: AdoptedChild) => {
    for (let i = 0; i < n; i += 1) await insertJourney(dataSource, household, journey);
  };
  // Kent A ×3: order 2024-06-01 → match 2024-08-30 = 90 days; care 2024-01-10 → moved in 2024-09-15 = 249 days.
  await times(3, KENT_A);
  // Kent B ×3: matched before the order (early permanence) counts as 0; moved in with the carers 2024-04-15 = 45 days.
  await times(3, KENT_B);
  // Medway C ×6: adopted by own foster carers, with whom the child lived from entering care: A10 = 0; A2 = 91.
  await times(6, MEDWAY_C);
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
  timeliness { authority childrenAdopted a2AverageDays a10AverageDays a2Withheld a10Withheld a2ThresholdDays a10ThresholdDays a2WithinThreshold a10WithinThreshold }
} }`;
const thresholds = { a2ThresholdDays: 121, a10ThresholdDays: 426 };
const shown = { a2Withheld: false, a10Withheld: false };

it('A2 and A10 per authority and for the partnership match the hand calculation over a financial year', async () => {
  const { data, errors } = await api().as('board.medway')(timeliness('2025-04', '2026-03'));
  expect(errors).toBeUndefined();
  expect(data!.boardPerformance.timeliness).toEqual([
    {
      authority: 'BEXLEY',
      childrenAdopted: 0,
      a2AverageDays: null,
      a10AverageDays: null,
      ...shown,
      ...thresholds,
      a2WithinThreshold: null,
      a10WithinThreshold: null,
    },
    {
      authority: 'KENT',
      childrenAdopted: 6,
      a2AverageDays: 45,
      a10AverageDays: 147,
      ...shown,
      ...thresholds,
      a2WithinThreshold: true,
      a10WithinThreshold: true,
    },
    {
      authority: 'MEDWAY',
      childrenAdopted: 6,
      a2AverageDays: 91,
      a10AverageDays: 0,
      ...shown,
      ...thresholds,
      a2WithinThreshold: true,
      a10WithinThreshold: true,
    },
    // (3 × 90 + 3 × 0 + 6 × 91) / 12 = 68; (3 × 249 + 3 × 45 + 6 × 0) / 12 = 73.5
    {
      authority: null,
      childrenAdopted: 12,
      a2AverageDays: 68,
      a10AverageDays: 73.5,
      ...shown,
      ...thresholds,
      a2WithinThreshold: true,
      a10WithinThreshold: true,
    },
  ]);
});

it('an average over fewer than six children is withheld: the one adoption of 2024-25 gives its count, not its days', async () => {
  const { data } = await api().as('board.bexley')(timeliness('2024-04', '2025-03'));
  const withheld = {
    a2AverageDays: null,
    a10AverageDays: null,
    a2Withheld: true,
    a10Withheld: true,
    a2WithinThreshold: null,
    a10WithinThreshold: null,
  };
  expect(data!.boardPerformance.timeliness[0]).toEqual({ authority: 'BEXLEY', childrenAdopted: 1, ...withheld, ...thresholds });
  expect(data!.boardPerformance.timeliness[3]).toEqual({ authority: null, childrenAdopted: 1, ...withheld, ...thresholds });
});

it('a quarter of the financial year has its averages: April–June 2025, six adoptions in Kent', async () => {
  const quarter = (await api().as('board.kent')(timeliness('2025-04', '2025-06'))).data!.boardPerformance.timeliness;
  expect(quarter[1]).toMatchObject({ authority: 'KENT', childrenAdopted: 6, a2AverageDays: 45, a2Withheld: false });
  expect(quarter[3]).toMatchObject({ authority: null, childrenAdopted: 6, a2AverageDays: 45, a2Withheld: false });
});

it.each([
  ['a month, beside its quarter', '2025-05', '2025-05'],
  ['two months', '2025-04', '2025-05'],
  ['a quarter not of the financial year', '2025-02', '2025-04'],
  ['a calendar year', '2025-01', '2025-12'],
  ['two financial years', '2024-04', '2026-03'],
])(
  'A2 and A10 over %s are refused (BAD_USER_INPUT), the rest of the request answering: only quarters and financial years nest',
  async (_, from, to) => {
    const { data, errors } = await api().as('board.kent')(timeliness(from, to).replace('timeliness {', 'to timeliness {'));
    expect(data!.boardPerformance).toEqual({ to, timeliness: null });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  },
);
