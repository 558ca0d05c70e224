import { seedDemoData } from '../../seeds/seed';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/**
 * The board view over the demo data returns the figures the Executive Board and councillors saw (the
 * partnership's Performance Update, 1 November 2020 – 31 May 2021, reported to Kent's Children's, Young People
 * and Education Cabinet Committee, 16 November 2021), counted from the records.
 * The tables are copied here by hand from the published report.
 */
const MONTHS = ['2020-11', '2020-12', '2021-01', '2021-02', '2021-03', '2021-04', '2021-05'];
const PUBLISHED = {
  adoptionPlanDecisions: { BEXLEY: [0, 0, 1, 0, 0, 3, 1], KENT: [0, 0, 4, 10, 12, 9, 3], MEDWAY: [4, 0, 3, 2, 1, 2, 4] },
  placementOrders: { BEXLEY: [5, 1, 0, 2, 0, 0, 1], KENT: [7, 3, 1, 3, 3, 1, 8], MEDWAY: [3, 2, 2, 2, 1, 3, 1] },
  matches: { BEXLEY: [0, 1, 3, 0, 1, 1, 0], KENT: [9, 5, 4, 6, 5, 3, 4], MEDWAY: [3, 2, 3, 2, 4, 3, 3] },
  supportRequests: { BEXLEY: [3, 1, 3, 1, 3, 2, 3], KENT: [21, 15, 14, 14, 24, 19, 26], MEDWAY: [3, 7, 1, 4, 8, 2, 3] },
} as const;
const ADOPTER_APPROVALS = [8, 9, 7, 5, 3, 13, 8];

const BOARD = `{ boardPerformance(from: "2020-11", to: "2021-05") {
  byAuthority { month authority adoptionPlanDecisions placementOrders matches supportRequests earlyPermanencePlacements disruptions }
  partnership { month adopterApprovals }
} }`;

type Row = { month: string; authority: 'BEXLEY' | 'KENT' | 'MEDWAY' } & Record<string, number>;

const api = useTestApi(async ({ dataSource }) => {
  await dataSource.query('TRUNCATE staff, panels CASCADE');
  await seedDemoData(dataSource, '2026-11-20');
});

async function board(): Promise<{ byAuthority: Row[]; partnership: { month: string; adopterApprovals: number }[] }> {
  const { data, errors } = await api().as('board.kent')(BOARD);
  expect(errors).toBeUndefined();
  return data!.boardPerformance;
}

describe.each(Object.keys(PUBLISHED) as (keyof typeof PUBLISHED)[])('%s by authority and month', (measure) => {
  it.each(['BEXLEY', 'KENT', 'MEDWAY'] as const)('%s matches the published table, cell by cell', async (authority) => {
    const { byAuthority } = await board();
    const got = MONTHS.map((month) => byAuthority.find((r) => r.month === month && r.authority === authority)![measure]);
    expect(got).toEqual(PUBLISHED[measure][authority]);
  });
});

it('adopter households approved by the partnership match the published table', async () => {
  const { partnership } = await board();
  expect(partnership.map((r) => r.adopterApprovals)).toEqual(ADOPTER_APPROVALS);
});

it('the period holds two Medway disruptions and twenty early-permanence placements', async () => {
  const { byAuthority } = await board();
  const total = (measure: string, authority?: string) =>
    byAuthority.filter((r) => !authority || r.authority === authority).reduce((n, r) => n + r[measure]!, 0);
  expect(total('disruptions')).toBe(2);
  expect(total('disruptions', 'MEDWAY')).toBe(2);
  expect(total('earlyPermanencePlacements')).toBe(20);
});

it('recording one more adoption-plan decision moves exactly one cell, by one', async () => {
  const before = await board();
  const child = await insertChild(api().dataSource, 'KENT', { dateOfBirth: '2019-05-05', enteredCareOn: '2020-10-01' });
  const { errors } = await api().as('adm.kent')(
    `mutation ($input: RecordAdoptionPlanDecisionInput!) { recordAdoptionPlanDecision(input: $input) { stage } }`,
    { input: { childId: child.id, decidedOn: '2021-01-15', rationale: 'adoption is in the child’s best interests' } },
  );
  expect(errors).toBeUndefined();
  const after = await board();
  const changed = after.byAuthority.flatMap((row, i) =>
    Object.keys(row)
      .filter((k) => k !== 'month' && k !== 'authority' && row[k] !== before.byAuthority[i]![k])
      .map((k) => ({ month: row.month, authority: row.authority, measure: k, delta: row[k]! - before.byAuthority[i]![k]! })),
  );
  expect(changed).toEqual([{ month: '2021-01', authority: 'KENT', measure: 'adoptionPlanDecisions', delta: 1 }]);
  expect(after.partnership).toEqual(before.partnership);
});

it('the pooled budget shows each authority’s contribution and share of the underspend', async () => {
  const { data, errors } = await api().as('board.medway')(`{ pooledBudget(financialYear: "2024-25") {
    financialYear operatingBudget underspend underspendTreatment
    authorities { authority contribution contributionShare underspendShare underspendSharePercent } } }`);
  expect(errors).toBeUndefined();
  const [year] = data!.pooledBudget;
  expect(year).toMatchObject({
    financialYear: '2024-25',
    operatingBudget: 4394136,
    underspend: 317281,
    underspendTreatment: 'ROLLED_FORWARD',
  });
  expect(year.authorities.find((a: { authority: string }) => a.authority === 'MEDWAY')).toEqual({
    authority: 'MEDWAY',
    contribution: 1024079,
    contributionShare: 23.3,
    underspendShare: 63456,
    underspendSharePercent: 20,
  });
});
