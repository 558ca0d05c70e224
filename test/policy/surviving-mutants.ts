import type { SurvivingMutant } from '../../src/audit/policy-evidence';

/**
 * Every mutant of src/authz/ a mutation run (`npm run evidence:mutation`) left alive, and what became of it: killed
 * since by a test named here, or equivalent to the original, with the reason no test can tell them apart. A mutant
 * is keyed by its file, line, mutator and replacement, so the reasons hold across runs; a survivor not listed here
 * shows as unexplained in the evidence.
 */
export type ExplainedMutant = Omit<SurvivingMutant, 'status'> & { status: Exclude<SurvivingMutant['status'], 'unexplained'> };

export const SURVIVING_MUTANTS: ExplainedMutant[] = [];
