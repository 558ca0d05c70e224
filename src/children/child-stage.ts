/** Where a child is on the adoption journey (domain.md, "The child's journey"), in legal order, then the exits. */
export const CHILD_STAGES = [
  'CONSIDERING_ADOPTION',
  'SHOULD_BE_PLACED',
  'EARLY_PERMANENCE',
  'AUTHORITY_TO_PLACE',
  'LINKED',
  'MATCH_RECOMMENDED',
  'MATCHED',
  'PLACED',
  'ADOPTED',
  'PLAN_CHANGED',
  'DISRUPTED',
] as const;
export type ChildStage = (typeof CHILD_STAGES)[number];
