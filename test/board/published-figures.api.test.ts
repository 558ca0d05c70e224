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
  byAuthority {
    month authority adoptionPlanDecisions placementOrders matches supportRequests supportRequestsProgressed
    supportAssessmentsCompleted earlyPermanencePlacements earlyPermanenceIllustrative disruptions
  }
  partnership { month adopterApprovals childrenPlaced placedWithOtherAgencyAdopters }
} }`;

type Row = { month: string; authority: 'BEXLEY' | 'KENT' | 'MEDWAY' } & Record<string, number | boolean>;

const api = useTestApi(async ({ dataSource }) => {
  await dataSource.query('TRUNCATE staff, panels CASCADE');
  await seedDemoData(dataSource, '2026-11-20');
});

type PartnershipRow = { month: string; adopterApprovals: number; childrenPlaced: number; placedWithOtherAgencyAdopters: number };

async function board(query = BOARD): Promise<{ byAuthority: Row[]; partnership: PartnershipRow[] }> {
  const { data, errors } = await api().as('board.kent')(query);
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
  expect(total(byAuthority, 'disruptions')).toBe(2);
  expect(total(byAuthority, 'disruptions', 'MEDWAY')).toBe(2);
  expect(total(byAuthority, 'earlyPermanencePlacements')).toBe(20);
});

const total = (rows: Row[], measure: string, authority?: string) =>
  rows.filter((r) => !authority || r.authority === authority).reduce((n, r) => n + Number(r[measure]), 0);

it('of the 177 calls for support, 141 went on to a call with an adoption support social worker, each in its month', async () => {
  const { byAuthority } = await board();
  expect(total(byAuthority, 'supportRequests')).toBe(177);
  expect(total(byAuthority, 'supportRequestsProgressed')).toBe(141);
  expect(byAuthority.filter((r) => Number(r.supportRequestsProgressed) > Number(r.supportRequests))).toEqual([]);
});

it.each([
  ['BEXLEY', 9],
  ['KENT', 65],
  ['MEDWAY', 8],
])('%s completed the published number of adoption support assessments in the period (%i of 82)', async (authority, n) => {
  const { byAuthority } = await board();
  expect(total(byAuthority, 'supportAssessmentsCompleted', authority)).toBe(n);
});

it('all but one child placed in the period were placed with adopters approved by the partnership', async () => {
  const { partnership } = await board();
  const placed = partnership.reduce((n, r) => n + r.childrenPlaced, 0);
  const elsewhere = partnership.reduce((n, r) => n + r.placedWithOtherAgencyAdopters, 0);
  expect({ elsewhere, placedMoreThanOne: placed > 1 }).toEqual({ elsewhere: 1, placedMoreThanOne: true });
});

it('Medway had 18 placement orders granted from April 2023 to March 2024', async () => {
  const { byAuthority } = await board(BOARD.replace('from: "2020-11", to: "2021-05"', 'from: "2023-04", to: "2024-03"'));
  expect(total(byAuthority, 'placementOrders', 'MEDWAY')).toBe(18);
});

it('the early-permanence counts by authority of the period are marked illustrative (the papers give the partnership’s only)', async () => {
  const { byAuthority } = await board();
  expect(byAuthority.every((r) => r.earlyPermanenceIllustrative)).toBe(true);
  const after = await board(BOARD.replace('from: "2020-11", to: "2021-05"', 'from: "2021-06", to: "2021-06"'));
  expect(after.byAuthority.map((r) => r.earlyPermanenceIllustrative)).toEqual([false, false, false]);
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
      .map((k) => ({ month: row.month, authority: row.authority, measure: k, delta: Number(row[k]) - Number(before.byAuthority[i]![k]) })),
  );
  expect(changed).toEqual([{ month: '2021-01', authority: 'KENT', measure: 'adoptionPlanDecisions', delta: 1 }]);
  expect(after.partnership).toEqual(before.partnership);
});

const budget = async (financialYear: string) => {
  const { data, errors } = await api().as('board.medway')(`{ pooledBudget(financialYear: "${financialYear}") {
    financialYear operatingBudget illustrative underspend underspendTreatment
    authorities { authority contribution contributionShare illustrative underspendShare underspendSharePercent underspendShareIllustrative } } }`);
  expect(errors).toBeUndefined();
  return data!.pooledBudget[0];
};
const illustrativeOf = (year: { authorities: { authority: string; illustrative: boolean; underspendShareIllustrative: boolean }[] }) =>
  year.authorities.map(({ authority, illustrative, underspendShareIllustrative }) => ({
    authority,
    illustrative,
    underspendShareIllustrative,
  }));

it('the pooled budget shows each authority’s contribution and share of the underspend, the unpublished ones illustrative', async () => {
  const year = await budget('2024-25');
  expect(year).toMatchObject({
    financialYear: '2024-25',
    operatingBudget: '4394136.00',
    illustrative: false,
    underspend: '317281.00',
    underspendTreatment: 'ROLLED_FORWARD',
  });
  expect(year.authorities.find((a: { authority: string }) => a.authority === 'MEDWAY')).toEqual({
    authority: 'MEDWAY',
    contribution: '1024079.00',
    contributionShare: 23.3,
    illustrative: false,
    underspendShare: '63456.00',
    underspendSharePercent: 20,
    underspendShareIllustrative: false,
  });
  expect(illustrativeOf(year)).toEqual([
    { authority: 'BEXLEY', illustrative: true, underspendShareIllustrative: true },
    { authority: 'KENT', illustrative: true, underspendShareIllustrative: true },
    { authority: 'MEDWAY', illustrative: false, underspendShareIllustrative: false },
  ]);
});

it('the 2023-24 underspend of £328,000 is not yet decided, Medway’s £66,000 share as published, the budget illustrative', async () => {
  const year = await budget('2023-24');
  expect(year).toMatchObject({ illustrative: true, underspend: '328000.00', underspendTreatment: 'NOT_DECIDED' });
  expect(year.authorities.find((a: { authority: string }) => a.authority === 'MEDWAY')).toMatchObject({ underspendShare: '66000.00' });
  expect(illustrativeOf(year)).toEqual([
    { authority: 'BEXLEY', illustrative: true, underspendShareIllustrative: true },
    { authority: 'KENT', illustrative: true, underspendShareIllustrative: true },
    { authority: 'MEDWAY', illustrative: true, underspendShareIllustrative: false },
  ]);
});
