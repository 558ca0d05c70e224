/**
 * Adoption scorecard thresholds (days): configuration, not code. A10 has a threshold only when one is configured:
 * it is A1 adjusted for children adopted by their foster carers, and borrowing A1's would judge it by another measure.
 */
export type TimelinessThresholds = { a1Days: number; a2Days: number; a10Days: number | null };
