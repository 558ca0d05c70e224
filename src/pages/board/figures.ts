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
  /** A count that is part of another field of its rows: put in words under the table, as the papers do. */
  partOf?: PartOf;
  note?: string;
};

/**
 * What a count is part of: the whole's field (`of`) and name (`whole`); `says` what is true of the figure's
 * count or, with `rest`, of the others of the whole (placed outside the partnership: the rest were placed within).
 */
export type PartOf = { of: string; whole: string; says: string; rest?: true };

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
  { id: 'children-placed', section: JOURNEYS, title: 'Children placed for adoption', source: 'partnership', field: 'childrenPlaced' },
  {
    id: 'placed-outside',
    section: JOURNEYS,
    title: 'Children placed with adopters from outside the partnership',
    source: 'partnership',
    field: 'placedWithOtherAgencyAdopters',
    partOf: { of: 'childrenPlaced', whole: 'children placed', says: 'placed within the partnership', rest: true },
  },
  {
    id: 'support-calls',
    section: SUPPORT,
    title: 'Calls for adoption support',
    source: 'byAuthority',
    field: 'supportRequests',
    note: 'By the authority the family lives in.',
  },
  {
    id: 'support-calls-progressed',
    section: SUPPORT,
    title: 'Calls for support that went on to an advice-line call with an adoption support social worker',
    source: 'byAuthority',
    field: 'supportRequestsProgressed',
    partOf: { of: 'supportRequests', whole: 'calls for support', says: 'went on to an advice-line call' },
    note: 'In the month the call for support came in.',
  },
  {
    id: 'support-assessments',
    section: SUPPORT,
    title: 'Adoption support assessments completed',
    source: 'byAuthority',
    field: 'supportAssessmentsCompleted',
    note: 'By the authority the family lives in.',
  },
  {
    id: 'early-permanence',
    section: PLACEMENTS,
    title: 'Early-permanence (fostering for adoption) placements',
    source: 'byAuthority',
    field: 'earlyPermanencePlacements',
    illustrativeFlag: 'earlyPermanenceIllustrative',
    note: 'The papers publish the partnership’s count only: the split by authority is illustrative.',
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

/**
 * A DfE scorecard measure over the children adopted in the period, named by its fields of `timeliness`: an average
 * of days against a threshold (A1, A2, A10), or a share of the children (A3: how many, and their percentage).
 */
export type TimelinessFigure = { id: string; title: string; withheld: string } & (
  { kind: 'average'; average: string; threshold: string; within: string } | { kind: 'share'; children: string; percent: string }
);

export const TIMELINESS_FIGURES: TimelinessFigure[] = [
  {
    id: 'a1',
    kind: 'average',
    title: 'A1: days from entering care to being placed for adoption',
    average: 'a1AverageDays',
    withheld: 'a1Withheld',
    threshold: 'a1ThresholdDays',
    within: 'a1WithinThreshold',
  },
  {
    id: 'a2',
    kind: 'average',
    title: 'A2: days from placement order to match decision',
    average: 'a2AverageDays',
    withheld: 'a2Withheld',
    threshold: 'a2ThresholdDays',
    within: 'a2WithinThreshold',
  },
  {
    id: 'a3',
    kind: 'share',
    title: 'A3: children who moved in with the adoptive family within 14 months of entering care',
    children: 'a3Children',
    percent: 'a3Percent',
    withheld: 'a3Withheld',
  },
  {
    id: 'a10',
    kind: 'average',
    title: 'A10: days from entering care to moving in with the adoptive family',
    average: 'a10AverageDays',
    withheld: 'a10Withheld',
    threshold: 'a10ThresholdDays',
    within: 'a10WithinThreshold',
  },
];

/** The fields a timeliness figure reads. */
export const timelinessFields = (t: TimelinessFigure): string[] =>
  t.kind === 'average' ? [t.average, t.withheld, t.threshold, t.within] : [t.children, t.percent, t.withheld];

/** The breakdowns of the children waiting, by `childrenWaitingBy(characteristic:)`. */
export type WaitingBreakdown = { id: string; title: string; characteristic: string };

export const WAITING_BREAKDOWNS: WaitingBreakdown[] = [
  { id: 'waiting-by-age-band', title: 'Children waiting by age band', characteristic: 'AGE_BAND' },
  { id: 'waiting-by-ethnicity', title: 'Children waiting by ethnicity', characteristic: 'ETHNICITY' },
  { id: 'waiting-by-disability', title: 'Children waiting by disability', characteristic: 'DISABILITY' },
];

export const AUTHORITIES = ['BEXLEY', 'KENT', 'MEDWAY'] as const;
export const AUTHORITY_NAMES: Record<string, string> = { BEXLEY: 'Bexley', KENT: 'Kent', MEDWAY: 'Medway' };
