import type { DataSource } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import { CHARACTERISTICS } from '../../src/board/board.types';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { askWaitingTables, attackWaiting, type WaitingChild } from '../helpers/board-microdata';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/**
 * The attack that recovered Bexley's only waiting child, as the reviewers made it: the partnership row less the
 * authority rows, the totals less the breakdowns, the zeros beside the one suppressed cell.
 */
const ETHNICITY = { 'White British': 0, 'White and Black Caribbean': 1, 'Asian British - Indian': 2 } as const;
async function insertWaiting(dataSource: DataSource, authority: Authority, ethnicity: keyof typeof ETHNICITY, count: number) {
  for (let i = 0; i < count; i += 1) {
    const child = await insertChild(dataSource, authority, {
      ethnicity,
      stage: 'AUTHORITY_TO_PLACE',
      placementOrderGrantedOn: '2021-02-01',
    });
    await dataSource.getRepository(PlacementOrderRecord).insert({
      childId: child.id,
      authority,
      basis: 'PLACEMENT_ORDER',
      grantedOn: '2021-02-01',
      recordedBy: demoStaff(`ppm.${authority.toLowerCase()}`).id,
    });
  }
}
const WAITING: [Authority, keyof typeof ETHNICITY, number][] = [
  ['KENT', 'White British', 6],
  ['KENT', 'White and Black Caribbean', 5],
  ['KENT', 'Asian British - Indian', 1],
  ['BEXLEY', 'White British', 1],
];
const api = useTestApi(async ({ dataSource }) => {
  for (const [authority, ethnicity, count] of WAITING) await insertWaiting(dataSource, authority, ethnicity, count);
});

/** As the board sees them on 31 March 2021: born 14 March 2021 (Under 1), no disability recorded. */
const truth: WaitingChild[] = WAITING.flatMap(([authority, ethnicity, count]) =>
  Array.from({ length: count }, () => ({ authority, category: { AGE_BAND: 0, ETHNICITY: ETHNICITY[ethnicity], DISABILITY: 1 }, days: 58 })),
);

const march2021 = () => askWaitingTables(api(), 'board.bexley', '2021-03');

it('one authority’s only waiting child is withheld, and so is another total, so that the partnership less the others does not give it', async () => {
  const { totals } = await march2021();
  expect(totals.find((t) => t.authority === 'BEXLEY')).toMatchObject({ children: null, suppressed: true });
  expect(totals.filter((t) => t.suppressed).length).toBeGreaterThanOrEqual(2);
});

it('neither its age band, ethnicity nor disability can be read off: each breakdown withholds at least two of Bexley’s categories', async () => {
  const { breakdowns } = await march2021();
  for (const ch of CHARACTERISTICS) {
    expect(breakdowns.get(ch)!.filter((c) => c.authority === 'BEXLEY' && c.suppressed).length).toBeGreaterThanOrEqual(2);
  }
});

it('an average of days waiting over fewer than six children is withheld, and another with it, so that the partnership’s does not give it', async () => {
  const { totals } = await march2021();
  expect(totals.find((t) => t.authority === 'BEXLEY')).toMatchObject({ averageDaysWaiting: null, averageWithheld: true });
  expect(totals.filter((t) => t.averageWithheld).length).toBeGreaterThanOrEqual(2);
});

it('nothing small can be worked out from all of it together, by any sum of authorities and categories', async () => {
  expect(attackWaiting(truth, await march2021())).toEqual([]);
});
