/** An adopter household's journey (domain.md), then its exits. */
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

/** Stages a household leaves only by a new application. */
export const CLOSED_HOUSEHOLD_STAGES: readonly HouseholdStage[] = ['WITHDRAWN', 'NOT_APPROVED', 'TERMINATED'];
