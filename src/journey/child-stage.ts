/** Where a child is on the adoption journey (docs/domain.md, "The child's journey"), in legal order, then the exits. */
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

const JOURNEY: readonly ChildStage[] = CHILD_STAGES.slice(0, CHILD_STAGES.indexOf('ADOPTED') + 1);

/**
 * The stage after a step that leads to `reached`: the journey only moves forward (a placement order
 * for a child already linked leaves the child linked); from an exit, the step sets the stage.
 */
export function stageAfter(current: ChildStage, reached: ChildStage): ChildStage {
  const at = JOURNEY.indexOf(current);
  return at === -1 || JOURNEY.indexOf(reached) > at ? reached : current;
}

/** Where a child rests when no match is open: early permanence, authority to place, or awaiting it. */
export function restingStage(hasAuthorityToPlace: boolean, inEarlyPermanence: boolean): ChildStage {
  if (hasAuthorityToPlace) return 'AUTHORITY_TO_PLACE';
  return inEarlyPermanence ? 'EARLY_PERMANENCE' : 'SHOULD_BE_PLACED';
}
