import type { Authority } from '../src/authz/vocabulary';

/**
 * The figures of the partnership's Performance Update for 1 November 2020 – 31 May 2021 (reported to
 * Kent's Children's, Young People and Education Cabinet Committee, 16 November 2021), as data. The seed
 * generates records whose dates reproduce them when counted; nothing here is stored.
 */
export const PERIOD = { from: '2020-11-01', to: '2021-05-31' } as const;
export const PERIOD_MONTHS = ['2020-11', '2020-12', '2021-01', '2021-02', '2021-03', '2021-04', '2021-05'] as const;

/** One count per month of PERIOD_MONTHS. */
export type MonthlyCounts = readonly [number, number, number, number, number, number, number];

/** ADM decisions that the child should be placed for adoption, by month of decision. */
export const ADOPTION_PLAN_DECISIONS: Record<Authority, MonthlyCounts> = {
  BEXLEY: [0, 0, 1, 0, 0, 3, 1],
  KENT: [0, 0, 4, 10, 12, 9, 3],
  MEDWAY: [4, 0, 3, 2, 1, 2, 4],
};

/** Placement orders granted, by month granted. */
export const PLACEMENT_ORDERS: Record<Authority, MonthlyCounts> = {
  BEXLEY: [5, 1, 0, 2, 0, 0, 1],
  KENT: [7, 3, 1, 3, 3, 1, 8],
  MEDWAY: [3, 2, 2, 2, 1, 3, 1],
};

/** Children matched: ADM match decisions, by month of decision. */
export const CHILDREN_MATCHED: Record<Authority, MonthlyCounts> = {
  BEXLEY: [0, 1, 3, 0, 1, 1, 0],
  KENT: [9, 5, 4, 6, 5, 3, 4],
  MEDWAY: [3, 2, 3, 2, 4, 3, 3],
};

/** Adopter households approved by the partnership, by month of approval. */
export const ADOPTER_APPROVALS: MonthlyCounts = [8, 9, 7, 5, 3, 13, 8];

/** Calls for adoption support, by the family's authority and month received. */
export const SUPPORT_REQUESTS: Record<Authority, MonthlyCounts> = {
  BEXLEY: [3, 1, 3, 1, 3, 2, 3],
  KENT: [21, 15, 14, 14, 24, 19, 26],
  MEDWAY: [3, 7, 1, 4, 8, 2, 3],
};

/** Of the period's support requests, those followed by an advice-line call within 5 working days. */
export const ADVICE_LINE_CALLS = 141;
export const ADVICE_LINE_WORKING_DAYS = 5;

/** Adoption support assessments completed in the period, by the family's authority. */
export const SUPPORT_ASSESSMENTS: Record<Authority, number> = { BEXLEY: 9, KENT: 65, MEDWAY: 8 };

/** A count published for a year (Medway Cabinet, 21 October 2025), spread over its months by the seed. */
export type YearTotal = { range: { from: string; to: string }; count: number };

/** Placement orders granted to Medway, April 2023 – March 2024. */
export const PLACEMENT_ORDER_YEARS: Partial<Record<Authority, YearTotal>> = {
  MEDWAY: { range: { from: '2023-04-01', to: '2024-03-31' }, count: 18 },
};

/** Adoption disruptions in the period (a disruption meeting held for each). */
export const DISRUPTIONS: Record<Authority, number> = { BEXLEY: 0, KENT: 0, MEDWAY: 2 };

/** Children placed in early permanence (fostering for adoption) in the period. */
export const EARLY_PERMANENCE_PLACEMENTS = 20;

/** "All but one child placed in the period were placed with adopters approved by the partnership." */
export const PLACED_WITH_OTHER_AGENCY_ADOPTERS = 1;

/** Recruitment, November 2020 to June 2021 (one month longer than the rest). */
export const RECRUITMENT = {
  months: ['2020-11', '2020-12', '2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06'],
  enquiries: [55, 9, 4, 8, 33, 4, 16, 20],
  initialVisits: [54, 8, 4, 7, 29, 3, 16, 12],
} as const;

export const RECRUITMENT_PERIOD = { from: '2020-11-01', to: '2021-06-30' } as const;

/** The published count for `month`, or undefined outside the period. */
export function publishedCount(counts: MonthlyCounts, month: string): number | undefined {
  const at = (PERIOD_MONTHS as readonly string[]).indexOf(month);
  return at === -1 ? undefined : counts[at];
}
