import fc from 'fast-check';
import { demoStaff } from '../../seeds/demo-staff';
import { AUTHORITIES, type Authority } from '../../src/authz/vocabulary';
import { CATEGORIES } from '../../src/board/board-queries';
import type { TimelinessMeasure } from '../../src/board/board.types';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { insertApprovedHousehold, insertJourney } from '../helpers/board-fixtures';
import { askWaitingTables, attackTimeliness, attackWaiting, type AdoptedChild, type WaitingChild } from '../helpers/board-microdata';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/**
 * The board's attacker against the API itself, over random records in the database: every month end of 2024-25
 * (the children waiting and all three breakdowns) and A1, A2, A3 and A10 for every quarter and the year, as a board
 * director gets them; nothing small may be worked out from all of them together. The seed is printed on failure
 * (BOARD_ATTACK_SEED replays it).
 */
const SEED = Number(process.env.BOARD_ATTACK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MONTHS = [
  '2024-04',
  '2024-05',
  '2024-06',
  '2024-07',
  '2024-08',
  '2024-09',
  '2024-10',
  '2024-11',
  '2024-12',
  '2025-01',
  '2025-02',
  '2025-03',
];
/** A recorded ethnicity and disability that the board counts in each category, in the order of CATEGORIES. */
const ETHNICITIES = ['White British', 'White and Black African', 'Asian British - Pakistani', 'Black British - Caribbean', 'Arab', ''];
const DISABILITIES = ['Hearing impairment', ''];

const authority = fc.constantFrom<Authority>('BEXLEY', 'KENT', 'KENT', 'MEDWAY');
const day = (year: number, month: number, d: number) => new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10);
const [waiting, adopted] = fc.sample(
  fc.tuple(
    fc.array(
      fc.record({
        authority,
        bornOn: fc
          .record({ y: fc.integer({ min: 2007, max: 2023 }), d: fc.integer({ min: 0, max: 364 }) })
          .map(({ y, d }) => day(y, 0, d + 1)),
        ethnicity: fc.nat(ETHNICITIES.length - 1),
        disability: fc.nat(1),
        orderMonth: fc.nat(11),
      }),
      { minLength: 5, maxLength: 35 },
    ),
    fc.array(fc.record({ authority, month: fc.nat(11), a2: fc.nat(400), a10: fc.nat(600) }), { minLength: 5, maxLength: 30 }),
  ),
  { numRuns: 1, seed: SEED },
)[0]!;

const api = useTestApi(async ({ dataSource }) => {
  for (const w of waiting) {
    const child = await insertChild(dataSource, w.authority, {
      dateOfBirth: w.bornOn,
      enteredCareOn: w.bornOn > '2023-06-01' ? w.bornOn : '2023-06-01',
      ethnicity: ETHNICITIES[w.ethnicity]!,
      disability: DISABILITIES[w.disability]! || null,
      stage: 'AUTHORITY_TO_PLACE',
      placementOrderGrantedOn: `${MONTHS[w.orderMonth]}-10`,
    });
    const grantedOn = `${MONTHS[w.orderMonth]}-10`;
    await dataSource.getRepository(PlacementOrderRecord).insert({
      childId: child.id,
      authority: w.authority,
      basis: 'PLACEMENT_ORDER',
      grantedOn,
      recordedBy: demoStaff(`ppm.${w.authority.toLowerCase()}`).id,
    });
  }
  const household = await insertApprovedHousehold(dataSource);
  for (const a of adopted) {
    // Moved in long before the year, so that no adopted child is also waiting on a month end of it.
    const adoptedOn = `${MONTHS[a.month]}-15`;
    const movedInOn = shift(adoptedOn, -400);
    const matchedOn = shift(movedInOn, -10);
    const orderOn = shift(matchedOn, -a.a2);
    await insertJourney(dataSource, household, {
      authority: a.authority,
      enteredCareOn: shift(movedInOn, -(a.a2 + 10 + a.a10)),
      orderOn,
      matchedOn,
      movedInOn,
      placedOn: movedInOn,
      adoptedOn,
    });
  }
});

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Age band on `on`, in completed years, as the board counts it. */
function ageBand(bornOn: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(bornOn.slice(0, 4)) - (on.slice(5) < bornOn.slice(5) ? 1 : 0);
  return years < 1 ? 0 : years < 5 ? 1 : years < 10 ? 2 : years < 16 ? 3 : 4;
}

const failureNote = () => `BOARD_ATTACK_SEED=${SEED}`;

it('no small count, shared category or few children’s days waiting can be worked out from all the month ends of a year', async () => {
  for (const month of MONTHS) {
    const lastDay = shift(`${month === '2025-03' ? '2025-04' : MONTHS[MONTHS.indexOf(month) + 1]}-01`, -1);
    const shown = await askWaitingTables(api(), 'board.kent', month);
    const children: WaitingChild[] = waiting
      .filter((w) => `${MONTHS[w.orderMonth]}-10` <= lastDay)
      .map((w) => ({
        authority: w.authority,
        category: { AGE_BAND: ageBand(w.bornOn, lastDay), ETHNICITY: w.ethnicity, DISABILITY: w.disability },
        days: 0,
      }));
    expect({ month, derived: attackWaiting(children, shown), seed: failureNote() }).toEqual({
      month,
      derived: [],
      seed: failureNote(),
    });
    for (const [i, scope] of [...AUTHORITIES, null].entries()) {
      const truth = children.filter((c) => scope === null || c.authority === scope).length;
      expect(shown.totals[i]!.children === truth || shown.totals[i]!.suppressed).toBe(true);
    }
    expect(shown.breakdowns.get('AGE_BAND')!.length).toBe(CATEGORIES.AGE_BAND.length * 4);
  }
});

it('no A1, A2, A3 or A10 of fewer than six children can be worked out from every quarter and the year', async () => {
  const periods = [0, 1, 2, 3].map((q) => [q * 3, q * 3 + 1, q * 3 + 2]).concat([[...MONTHS.keys()]]);
  const shown: { months: number[]; measures: TimelinessMeasure[] }[] = [];
  for (const months of periods) {
    const { data, errors } = await api().as(
      'board.medway',
    )(`{ boardPerformance(from: "${MONTHS[months[0]!]}", to: "${MONTHS[months.at(-1)!]}") {
      timeliness { authority childrenAdopted a1AverageDays a1Withheld a2AverageDays a2Withheld a3Children a3Percent a3Withheld a10AverageDays a10Withheld }
    } }`);
    expect(errors).toBeUndefined();
    shown.push({ months, measures: data!.boardPerformance.timeliness });
  }
  // Placed the day they moved in: A1 runs as A10 does; A3's counts are attacked as A1's days are.
  const children: AdoptedChild[] = adopted.map((a) => ({
    authority: a.authority,
    month: a.month,
    a1: a.a10,
    a2: a.a2,
    a3: a.a10 < 426,
    a10: a.a10,
  }));
  expect({ derived: attackTimeliness(children, shown), seed: failureNote() }).toEqual({ derived: [], seed: failureNote() });
});
