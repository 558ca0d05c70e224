import type { DataSource } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import { PlacementOrderRecord } from '../../src/journey/placement-order.entity';
import { insertChild } from '../helpers/factories';
import { countStatements } from '../helpers/statement-counter';
import { useTestApi, type GraphQLResponse } from '../helpers/test-api';

/**
 * Breakdowns by a child characteristic suppress counts from 1 to 5 (0 is shown), as official statistics
 * do; the monthly per-authority counts are never suppressed.
 */
async function insertWaiting(dataSource: DataSource, ethnicity: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const child = await insertChild(dataSource, 'KENT', { ethnicity, stage: 'AUTHORITY_TO_PLACE', placementOrderGrantedOn: '2021-02-01' });
    await dataSource.getRepository(PlacementOrderRecord).insert({
      childId: child.id,
      authority: 'KENT',
      basis: 'PLACEMENT_ORDER',
      grantedOn: '2021-02-01',
      recordedBy: demoStaff('ppm.kent').id,
    });
  }
}

const api = useTestApi(async ({ dataSource }) => {
  await insertWaiting(dataSource, 'White British', 6);
  await insertWaiting(dataSource, 'White and Black Caribbean', 5);
  await insertWaiting(dataSource, 'Asian British - Indian', 1);
});

const BREAKDOWN = `{ boardPerformance(from: "2021-03", to: "2021-03") {
  childrenWaitingBy(characteristic: ETHNICITY) { authority category count suppressed }
  childrenWaiting { authority children averageDaysWaiting }
  byAuthority { authority placementOrders }
} }`;

it('6 is shown, 5 and 1 are suppressed, 0 is shown — for the authority and for the partnership', async () => {
  const { data, errors } = await api().as('board.kent')(BREAKDOWN);
  expect(errors).toBeUndefined();
  const rows = data!.boardPerformance.childrenWaitingBy as {
    authority: string | null;
    category: string;
    count: number | null;
    suppressed: boolean;
  }[];
  for (const scope of ['KENT', null]) {
    const of = (category: string) => rows.find((r) => r.authority === scope && r.category === category);
    expect(of('White')).toMatchObject({ count: 6, suppressed: false });
    expect(of('Mixed or multiple')).toMatchObject({ count: null, suppressed: true });
    expect(of('Asian or Asian British')).toMatchObject({ count: null, suppressed: true });
    expect(of('Black or Black British')).toMatchObject({ count: 0, suppressed: false });
  }
  expect(rows.filter((r) => r.authority === 'MEDWAY').every((r) => r.count === 0 && !r.suppressed)).toBe(true);
});

it('the unbroken-down counts are not suppressed', async () => {
  const { data } = await api().as('board.kent')(BREAKDOWN);
  expect(data!.boardPerformance.childrenWaiting).toEqual([
    { authority: 'BEXLEY', children: 0, averageDaysWaiting: null },
    { authority: 'KENT', children: 12, averageDaysWaiting: 58 },
    { authority: 'MEDWAY', children: 0, averageDaysWaiting: null },
    { authority: null, children: 12, averageDaysWaiting: 58 },
  ]);
});

const THREE_BREAKDOWNS = `{ boardPerformance(from: "2021-03", to: "2021-03") {
  childrenWaiting { authority children averageDaysWaiting }
  byAge: childrenWaitingBy(characteristic: AGE_BAND) { authority category count suppressed }
  byEthnicity: childrenWaitingBy(characteristic: ETHNICITY) { authority category count suppressed }
  byDisability: childrenWaitingBy(characteristic: DISABILITY) { authority category count suppressed }
} }`;

it('the children waiting and three breakdowns in one request are one statement, each the same as asked alone', async () => {
  let result: GraphQLResponse | undefined;
  const { total } = await countStatements(api().dataSource, async () => {
    result = await api().as('board.kent')(THREE_BREAKDOWNS);
  });
  expect(result!.errors).toBeUndefined();
  // set-up; the children waiting with their breakdowns; the commit
  expect(total).toBe(1 + 1 + 1);
  const alone = async (characteristic: string) =>
    (
      await api().as('board.kent')(`{ boardPerformance(from: "2021-03", to: "2021-03") {
      childrenWaitingBy(characteristic: ${characteristic}) { authority category count suppressed } } }`)
    ).data!.boardPerformance.childrenWaitingBy;
  const totalsAlone = await api().as('board.kent')(
    `{ boardPerformance(from: "2021-03", to: "2021-03") { childrenWaiting { authority children averageDaysWaiting } } }`,
  );
  expect(result!.data!.boardPerformance.childrenWaiting).toEqual(totalsAlone.data!.boardPerformance.childrenWaiting);
  expect(result!.data!.boardPerformance.byAge).toEqual(await alone('AGE_BAND'));
  expect(result!.data!.boardPerformance.byEthnicity).toEqual(await alone('ETHNICITY'));
  expect(result!.data!.boardPerformance.byDisability).toEqual(await alone('DISABILITY'));
});
