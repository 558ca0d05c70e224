import type { SubjectType } from './vocabulary';

/**
 * Every readable field of a subject has exactly one class (domain.md, "Field classes"):
 * the policy grants fields by class, and a test fails when a GraphQL field has none.
 */
export type FieldClass = 'case' | 'identifying' | 'special' | 'birthFamily';

export const CHILD_CASE_FIELDS = [
  'id',
  'authority',
  'stage',
  'enteredCareOn',
  'adoptionPlanDecidedOn',
  'placementOrderGrantedOn',
  'earlyPermanencePlacedOn',
  'matchedOn',
  'placedOn',
  'adoptionOrderGrantedOn',
  'planChangedOn',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export const CHILD_IDENTIFYING_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'ageInYears', 'nhsNumber'] as const;
export const CHILD_SPECIAL_FIELDS = ['sex', 'ethnicity', 'religion', 'disability', 'healthNeeds'] as const;
export const CHILD_BIRTH_FAMILY_FIELDS = ['birthFamilyBackground'] as const;
/** What a panel member may see of a child's identity: first name and age only. */
export const CHILD_PANEL_IDENTITY_FIELDS = ['firstName', 'ageInYears'] as const;

export const FIELD_CLASSES: Record<SubjectType, Record<FieldClass, readonly string[]>> = {
  Child: {
    case: CHILD_CASE_FIELDS,
    identifying: CHILD_IDENTIFYING_FIELDS,
    special: CHILD_SPECIAL_FIELDS,
    birthFamily: CHILD_BIRTH_FAMILY_FIELDS,
  },
};

const allFields = new Map<SubjectType, string[]>();

/** Every classified field of a subject (the field guard's universe). */
export function allFieldsOf(subjectType: SubjectType): string[] {
  let fields = allFields.get(subjectType);
  if (!fields) allFields.set(subjectType, (fields = Object.values(FIELD_CLASSES[subjectType]).flat()));
  return fields;
}
