import type { Action, Authority, SubjectType } from '../../../src/authz/vocabulary';
import type { Scope } from './scopes';

/**
 * What a reader sees of a child or household: the field classes of docs/domain.md ("Field classes and who
 * sees them"), and the panel's narrow view of identity.
 */
export type FieldView = 'case' | 'identifying' | 'special' | 'criminalOffence' | 'birthFamily' | 'first name and age';

/** The steps of a journey that the `record` and `update` actions stand for, by their GraphQL mutation. */
export type Step =
  | 'allocateFamilyFinder'
  | 'recordPlacementOrder'
  | 'recordEarlyPermanencePlacement'
  | 'recordPlacement'
  | 'recordAdoptionOrder'
  | 'recordPlanChange'
  | 'recordDisruption'
  | 'advanceHouseholdStage'
  | 'withdrawHousehold';

type Common = {
  /** The rule the row proves, as a sentence: 'a Kent ADM cannot read a Medway child'. */
  rule: string;
  /** A demo member of staff (seeds/demo-staff.ts). */
  actor: string;
  action: Action;
  subject: SubjectType;
  /** Where the record stands relative to the actor (scopes.ts). */
  scope: Scope;
  /** The record's authority, where the scope leaves it open. */
  authority?: Authority;
  /** For `record` and `update`: the step taken (default: any one step). */
  via?: Step;
};

/** Allowed; a read of a child or household names the field classes the actor sees. */
export type AllowedRow = Common & { expected: 'allowed'; sees?: FieldView[] };

/** Refused; `reason` is the stable code the refusal carries (`extensions.reason` when FORBIDDEN). */
export type RefusedRow = Common & { expected: 'refused'; reason?: string };

/** Allowed in `scope` while `condition` holds; refused in each of `otherwise`, where it does not. */
export type AllowedIfRow = Common & {
  expected: 'allowed-if';
  condition: string;
  otherwise: Scope[];
  sees?: FieldView[];
  reason?: string;
};

export type Row = AllowedRow | RefusedRow | AllowedIfRow;

/** One role's table: the rows, and where in docs/domain.md they come from. */
export type RoleTable = { role: string; rows: Row[] };

/** The views docs/domain.md's table of field classes gives. */
export const EVERY_CLASS: FieldView[] = ['case', 'identifying', 'special', 'birthFamily'];
/** Casework: a child without its birth family; a household without its criminal-offence data (what the DBS checks found). */
export const NO_BIRTH_FAMILY: FieldView[] = ['case', 'identifying', 'special'];
/** Who decides a household's approval reads what its DBS checks found. */
export const FOR_APPROVAL: FieldView[] = [...NO_BIRTH_FAMILY, 'criminalOffence'];
export const PANEL_PAPERS: FieldView[] = ['case', 'first name and age', 'special'];
/** A child whose match is before the panel: the papers include the child's permanence report (birth family). */
export const PANEL_MATCH_PAPERS: FieldView[] = [...PANEL_PAPERS, 'birthFamily'];
/** A household whose approval (review, termination) is before the panel: the papers include what its DBS checks found. */
export const PANEL_APPROVAL_PAPERS: FieldView[] = [...PANEL_PAPERS, 'criminalOffence'];

/** The fields of "first name and age only", for the two records that have them. */
export const FIRST_NAME_AND_AGE = {
  Child: ['firstName', 'ageInYears'],
  Household: ['applicantFirstNames', 'applicantAges'],
} as const;
