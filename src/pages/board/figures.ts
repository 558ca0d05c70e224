/**
 * What the board pack shows, one entry a figure: adding a figure the board API has gained is adding its entry
 * here. The query asks for exactly these fields, and the tables, CSVs and charts are built from them.
 */

/** A monthly count: per authority (`byAuthority`) or for the partnership as a whole (`partnership`). */
export type MonthlyFigure = {
  id: string;
  /** The board pack's section it is printed in; sections follow the order of their first figure. */
  section: string;
  title: string;
  source: 'byAuthority' | 'partnership';
  field: string;
  /** A boolean field of the same row that marks its figure illustrative (generated, not published). */
  illustrativeFlag?: string;
  note?: string;
};

const JOURNEYS = 'Children’s journeys';
const SUPPORT = 'Adoption support';
const PLACEMENTS = 'Early permanence and disruptions';
const ADOPTERS = 'Adopters';

export const MONTHLY_FIGURES: MonthlyFigure[] = [
  {
    id: 'plan-decisions',
    section: JOURNEYS,
    title: 'Decisions that adoption is the plan (ADM)',
    source: 'byAuthority',
    field: 'adoptionPlanDecisions',
  },
  { id: 'placement-orders', section: JOURNEYS, title: 'Placement orders granted', source: 'byAuthority', field: 'placementOrders' },
  { id: 'matches', section: JOURNEYS, title: 'Children matched (ADM match decisions)', source: 'byAuthority', field: 'matches' },
  {
    id: 'support-calls',
    section: SUPPORT,
    title: 'Calls for adoption support',
    source: 'byAuthority',
    field: 'supportRequests',
    note: 'By the authority the family lives in.',
  },
  {
    id: 'early-permanence',
    section: PLACEMENTS,
    title: 'Early-permanence (fostering for adoption) placements',
    source: 'byAuthority',
    field: 'earlyPermanencePlacements',
  },
  { id: 'disruptions', section: PLACEMENTS, title: 'Adoption disruptions', source: 'byAuthority', field: 'disruptions' },
  { id: 'adopter-approvals', section: ADOPTERS, title: 'Adopter households approved', source: 'partnership', field: 'adopterApprovals' },
  {
    id: 'adopter-withdrawals',
    section: ADOPTERS,
    title: 'Adopter households withdrawn',
    source: 'partnership',
    field: 'householdsWithdrawn',
  },
];

/** A DfE scorecard measure over the children adopted in the period, named by its fields of `timeliness`. */
export type TimelinessFigure = { id: string; title: string; average: string; withheld: string; threshold: string; within: string };

export const TIMELINESS_FIGURES: TimelinessFigure[] = [
  {
    id: 'a2',
    title: 'A2: days from placement order to match decision',
    average: 'a2AverageDays',
    withheld: 'a2Withheld',
    threshold: 'a2ThresholdDays',
    within: 'a2WithinThreshold',
  },
  {
    id: 'a10',
    title: 'A10: days from entering care to moving in with the adoptive family',
    average: 'a10AverageDays',
    withheld: 'a10Withheld',
    threshold: 'a10ThresholdDays',
    within: 'a10WithinThreshold',
  },
];

/** The breakdowns of the children waiting, by `childrenWaitingBy(characteristic:)`. */
export type WaitingBreakdown = { id: string; title: string; characteristic: string };

export const WAITING_BREAKDOWNS: WaitingBreakdown[] = [
  { id: 'waiting-by-age-band', title: 'Children waiting by age band', characteristic: 'AGE_BAND' },
  { id: 'waiting-by-ethnicity', title: 'Children waiting by ethnicity', characteristic: 'ETHNICITY' },
  { id: 'waiting-by-disability', title: 'Children waiting by disability', characteristic: 'DISABILITY' },
];

export const AUTHORITIES = ['BEXLEY', 'KENT', 'MEDWAY'] as const;
export const AUTHORITY_NAMES: Record<string, string> = { BEXLEY: 'Bexley', KENT: 'Kent', MEDWAY: 'Medway' };
