import type { Action } from '../authz/vocabulary';
/** An adopter household's journey, then its exits. */
export const HOUSEHOLD_STAGES = [
  'ENQUIRY',
  'INFORMATION_EVENT',
  'INITIAL_VISIT',
  'REGISTRATION',
  'STAGE_1',
  'STAGE_2',
  'PANEL',
  'APPROVED',
  'MATCHED',
  'PLACED',
  'WITHDRAWN',
  'NOT_APPROVED',
  'TERMINATED',
] as const;
export type HouseholdStage = (typeof HOUSEHOLD_STAGES)[number];

/** The stages a family finder advances a household through, in order; approval is the ADM's. */
export const RECRUITMENT_STAGES: readonly HouseholdStage[] = [
  'ENQUIRY',
  'INFORMATION_EVENT',
  'INITIAL_VISIT',
  'REGISTRATION',
  'STAGE_1',
  'STAGE_2',
  'PANEL',
];

/** The stages of a household holding approval today. */
export const HOLDING_APPROVAL_STAGES: readonly HouseholdStage[] = ['APPROVED', 'MATCHED', 'PLACED'];

/** Stages a household leaves only by a new application. */
export const CLOSED_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['WITHDRAWN', 'NOT_APPROVED', 'TERMINATED'];

/** The steps that move a household, as a refusal names them. */
export const HOUSEHOLD_STEPS = {
  ADVANCE: 'a family finder’s advance through recruitment',
  APPROVAL_DECISION: 'the partnership ADM’s decision on approval',
  MATCH_DECISION: 'the ADM’s match decision',
  PLACEMENT: 'the placement',
  DISRUPTION: 'the disruption of the placement',
  PLAN_CHANGE: 'the change of the child’s plan, which withdraws the match',
  WITHDRAWAL: 'the household’s withdrawal',
} as const;
export type HouseholdStep = keyof typeof HOUSEHOLD_STEPS;

/** The action of the policy each step takes on the household it moves: the policy says who may. */
export const HOUSEHOLD_STEP_ACTIONS = {
  ADVANCE: 'update',
  WITHDRAWAL: 'update',
  APPROVAL_DECISION: 'approve',
  MATCH_DECISION: 'decide',
  PLACEMENT: 'record',
  DISRUPTION: 'record',
  PLAN_CHANGE: 'record',
} as const satisfies Record<HouseholdStep, Action>;

/**
 * Every move of the household journey, and the step that makes it: `moveHousehold` makes no other.
 * A fast-tracked household is created at STAGE_2 (no move); the closed stages are final.
 */
export const HOUSEHOLD_MOVES: readonly (readonly [from: HouseholdStage, to: HouseholdStage, by: HouseholdStep])[] = [
  ['ENQUIRY', 'INFORMATION_EVENT', 'ADVANCE'],
  ['INFORMATION_EVENT', 'INITIAL_VISIT', 'ADVANCE'],
  ['INITIAL_VISIT', 'REGISTRATION', 'ADVANCE'],
  ['REGISTRATION', 'STAGE_1', 'ADVANCE'],
  ['STAGE_1', 'STAGE_2', 'ADVANCE'],
  ['STAGE_2', 'PANEL', 'ADVANCE'],
  ['PANEL', 'APPROVED', 'APPROVAL_DECISION'],
  ['PANEL', 'NOT_APPROVED', 'APPROVAL_DECISION'],
  ['APPROVED', 'TERMINATED', 'APPROVAL_DECISION'],
  ['APPROVED', 'MATCHED', 'MATCH_DECISION'],
  ['MATCHED', 'PLACED', 'PLACEMENT'],
  ['MATCHED', 'APPROVED', 'PLAN_CHANGE'],
  // Early-permanence carers are matched, not yet placed for adoption, when their placement ends.
  ['MATCHED', 'APPROVED', 'DISRUPTION'],
  ['PLACED', 'APPROVED', 'DISRUPTION'],
  ['ENQUIRY', 'WITHDRAWN', 'WITHDRAWAL'],
  ['INFORMATION_EVENT', 'WITHDRAWN', 'WITHDRAWAL'],
  ['INITIAL_VISIT', 'WITHDRAWN', 'WITHDRAWAL'],
  ['REGISTRATION', 'WITHDRAWN', 'WITHDRAWAL'],
  ['STAGE_1', 'WITHDRAWN', 'WITHDRAWAL'],
  ['STAGE_2', 'WITHDRAWN', 'WITHDRAWAL'],
  ['PANEL', 'WITHDRAWN', 'WITHDRAWAL'],
  ['APPROVED', 'WITHDRAWN', 'WITHDRAWAL'],
];

export function householdMoveAllowed(from: HouseholdStage, to: HouseholdStage, by: HouseholdStep): boolean {
  return HOUSEHOLD_MOVES.some(([f, t, b]) => f === from && t === to && b === by);
}

/** Why a move is refused: the stage is final, or the moves the journey allows from it. */
export function refusedMoveRule(from: HouseholdStage, to: HouseholdStage, by: HouseholdStep): string {
  if (CLOSED_HOUSEHOLD_STAGES.includes(from)) return `${from} is final: a household leaves it only by a new application`;
  const onward = HOUSEHOLD_MOVES.filter(([f]) => f === from).map(([, t, b]) => `${t} by ${HOUSEHOLD_STEPS[b]}`);
  return `from ${from} a household moves only to ${onward.join('; or ')}: not to ${to} by ${HOUSEHOLD_STEPS[by]}`;
}
