import { PlacementRecord } from '../../src/journey/placement.entity';
import { insertApprovedHousehold, insertJourney, type AdoptedChild } from '../helpers/board-fixtures';
import { useTestApi } from '../helpers/test-api';

/**
 * The children waiting, as the ASGLB counts them: a court's placement order (not the parents' consent), and not
 * placed for adoption on the day; a match decision does not end the wait, a placement does, and a disruption starts
 * it again. Six children of each kind, so that no count is small enough to be withheld.
 */
const journey = (dates: Omit<AdoptedChild, 'authority' | 'enteredCareOn' | 'adoptedOn'>): AdoptedChild => ({
  authority: 'KENT',
  enteredCareOn: '2024-06-01',
  adoptedOn: null,
  ...dates,
});
const MATCHED_NOT_PLACED = journey({ orderOn: '2025-01-10', matchedOn: '2025-04-01', movedInOn: '2025-06-10', placedOn: '2025-06-10' });
const PLACED = journey({ orderOn: '2025-01-10', matchedOn: '2025-03-01', movedInOn: '2025-04-01', placedOn: '2025-04-01' });
const BY_CONSENT = journey({
  orderOn: '2025-01-10',
  byConsent: true,
  matchedOn: '2025-06-05',
  movedInOn: '2025-06-20',
  placedOn: '2025-06-20',
});
const DISRUPTED = journey({ orderOn: '2024-10-01', matchedOn: '2024-12-01', movedInOn: '2025-01-01', placedOn: '2025-01-01' });

const api = useTestApi(async ({ dataSource }) => {
  const household = await insertApprovedHousehold(dataSource);
  for (let i = 0; i < 6; i += 1) {
    for (const j of [MATCHED_NOT_PLACED, PLACED, BY_CONSENT]) await insertJourney(dataSource, household, j);
    const child = await insertJourney(dataSource, household, DISRUPTED);
    await dataSource.getRepository(PlacementRecord).update({ childId: child.id }, { endedOn: '2025-04-15' });
  }
});

const waiting = async (month: string) => {
  const { data, errors } = await api().as('board.kent')(`{ boardPerformance(from: "${month}", to: "${month}") {
    childrenWaiting { authority children averageDaysWaiting } } }`);
  expect(errors).toBeUndefined();
  return data!.boardPerformance.childrenWaiting[1];
};

it('counts those with a placement order not yet placed: matched and waiting, or back after a disruption; not placed, not by consent', async () => {
  // From the order to 31 May 2025: 141 days (matched, not placed), 242 days (disrupted): (6 × 141 + 6 × 242) / 12.
  expect(await waiting('2025-05')).toEqual({ authority: 'KENT', children: 12, averageDaysWaiting: 191.5 });
});

it('stops counting a child on the day they are placed for adoption', async () => {
  expect(await waiting('2025-06')).toMatchObject({ authority: 'KENT', children: 6 });
});
