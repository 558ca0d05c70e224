/** Adoption scorecard thresholds (days): configuration, not code. */
export type TimelinessThresholds = { a2Days: number; a10Days: number };
