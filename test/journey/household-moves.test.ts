import {
  HOUSEHOLD_STAGES,
  householdMoveAllowed,
  HOUSEHOLD_STEPS,
  type HouseholdStage,
  type HouseholdStep,
} from '../../src/households/household-stage';

/**
 * The adopter household's journey, written out by hand for an auditor to read: from each stage, the stages
 * a household may move to and the one step that moves it there. Every other (from, to) pair of the 13 stages
 * is no move at all, by any step. The table in src/households/household-stage.ts must say exactly this.
 */
const JOURNEY: Record<HouseholdStage, Partial<Record<HouseholdStage, HouseholdStep[]>>> = {
  ENQUIRY: { INFORMATION_EVENT: ['ADVANCE'], WITHDRAWN: ['WITHDRAWAL'] },
  INFORMATION_EVENT: { INITIAL_VISIT: ['ADVANCE'], WITHDRAWN: ['WITHDRAWAL'] },
  INITIAL_VISIT: { REGISTRATION: ['ADVANCE'], WITHDRAWN: ['WITHDRAWAL'] },
  REGISTRATION: { STAGE_1: ['ADVANCE'], WITHDRAWN: ['WITHDRAWAL'] },
  STAGE_1: { STAGE_2: ['ADVANCE'], WITHDRAWN: ['WITHDRAWAL'] },
  STAGE_2: { PANEL: ['ADVANCE'], WITHDRAWN: ['WITHDRAWAL'] },
  PANEL: { APPROVED: ['APPROVAL_DECISION'], NOT_APPROVED: ['APPROVAL_DECISION'], WITHDRAWN: ['WITHDRAWAL'] },
  APPROVED: { MATCHED: ['MATCH_DECISION'], TERMINATED: ['APPROVAL_DECISION'], WITHDRAWN: ['WITHDRAWAL'] },
  // The match ends before placement: the child's plan changes, or early-permanence carers' placement is disrupted.
  MATCHED: { PLACED: ['PLACEMENT'], APPROVED: ['PLAN_CHANGE', 'DISRUPTION'] },
  PLACED: { APPROVED: ['DISRUPTION'] },
  WITHDRAWN: {},
  NOT_APPROVED: {},
  TERMINATED: {},
};

const STEPS = Object.keys(HOUSEHOLD_STEPS) as HouseholdStep[];

const PAIRS = HOUSEHOLD_STAGES.flatMap((from) =>
  HOUSEHOLD_STAGES.map((to) => {
    const by = JOURNEY[from][to] ?? [];
    const rule = by.length
      ? `a household moves from ${from} to ${to} by ${by.join(' or ')} only`
      : `a household never moves from ${from} to ${to}`;
    return [rule, from, to, by] as const;
  }),
);

it('the journey names all 13 stages', () => {
  expect(Object.keys(JOURNEY).sort()).toEqual([...HOUSEHOLD_STAGES].sort());
  expect(PAIRS).toHaveLength(169);
});

it.each(PAIRS)('%s', (_rule, from, to, by) => {
  const allowed = STEPS.filter((step) => householdMoveAllowed(from, to, step));
  expect(allowed.sort()).toEqual([...by].sort());
});
