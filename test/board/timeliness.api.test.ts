import { insertApprovedHousehold, insertJourney } from '../helpers/board-fixtures';
import { useTestApi } from '../helpers/test-api';

/**
 * A2 and A10 (DfE adoption scorecard, domain.md "What the Board reads") against cases computed by hand,
 * over the children adopted in April 2025 – March 2026.
 */
const api = useTestApi(async ({ dataSource }) => {
  const household = await insertApprovedHousehold(dataSource);
  // Kent A: order 2024-06-01 → match 2024-08-30 = 90 days; care 2024-01-10 → moved in 2024-09-15 = 249 days.
  await insertJourney(dataSource, household, {
    authority: 'KENT', enteredCareOn: '2024-01-10', orderOn: '2024-06-01', matchedOn: '2024-08-30',
    movedInOn: '2024-09-15', placedOn: '2024-09-15', adoptedOn: '2025-05-20',
  });
  // Kent B: matched before the order (early permanence) counts as 0; moved in with the carers 2024-04-15 = 45 days.
  await insertJourney(dataSource, household, {
    authority: 'KENT', enteredCareOn: '2024-03-01', orderOn: '2024-07-01', matchedOn: '2024-05-01',
    movedInOn: '2024-04-15', placedOn: '2024-07-10', adoptedOn: '2025-06-01',
  });
  // Medway C: adopted by own foster carers, with whom the child lived from entering care: A10 = 0; A2 = 91.
  await insertJourney(dataSource, household, {
    authority: 'MEDWAY', enteredCareOn: '2023-02-01', orderOn: '2023-09-01', matchedOn: '2023-12-01',
    movedInOn: '2023-02-01', placedOn: '2024-01-05', adoptedOn: '2025-10-10',
  });
  // Bexley D: adopted the day before the period; Bexley E: placed, not adopted. Neither counts.
  await insertJourney(dataSource, household, {
    authority: 'BEXLEY', enteredCareOn: '2023-01-01', orderOn: '2023-05-01', matchedOn: '2023-06-01',
    movedInOn: '2023-07-01', placedOn: '2023-07-01', adoptedOn: '2025-03-31',
  });
  await insertJourney(dataSource, household, {
    authority: 'BEXLEY', enteredCareOn: '2025-01-01', orderOn: '2025-05-01', matchedOn: '2025-06-01',
    movedInOn: '2025-07-01', placedOn: '2025-07-01', adoptedOn: null,
  });
});

const TIMELINESS = `{ boardPerformance(from: "2025-04", to: "2026-03") {
  timeliness { authority childrenAdopted a2AverageDays a10AverageDays a2ThresholdDays a10ThresholdDays a2WithinThreshold a10WithinThreshold }
} }`;

it('A2 and A10 per authority and for the partnership match the hand calculation', async () => {
  const { data, errors } = await api().as('board.medway')(TIMELINESS);
  expect(errors).toBeUndefined();
  const thresholds = { a2ThresholdDays: 121, a10ThresholdDays: 426 };
  expect(data!.boardPerformance.timeliness).toEqual([
    { authority: 'BEXLEY', childrenAdopted: 0, a2AverageDays: null, a10AverageDays: null, ...thresholds, a2WithinThreshold: null, a10WithinThreshold: null },
    { authority: 'KENT', childrenAdopted: 2, a2AverageDays: 45, a10AverageDays: 147, ...thresholds, a2WithinThreshold: true, a10WithinThreshold: true },
    { authority: 'MEDWAY', childrenAdopted: 1, a2AverageDays: 91, a10AverageDays: 0, ...thresholds, a2WithinThreshold: true, a10WithinThreshold: true },
    { authority: null, childrenAdopted: 3, a2AverageDays: 60.3, a10AverageDays: 98, ...thresholds, a2WithinThreshold: true, a10WithinThreshold: true },
  ]);
});

it('the adoption that fell the day before the period counts in the period that holds it', async () => {
  const { data } = await api().as('board.bexley')(TIMELINESS.replace('from: "2025-04", to: "2026-03"', 'from: "2025-03", to: "2025-03"'));
  expect(data!.boardPerformance.timeliness[0]).toMatchObject({ authority: 'BEXLEY', childrenAdopted: 1, a2AverageDays: 31, a10AverageDays: 181 });
});
