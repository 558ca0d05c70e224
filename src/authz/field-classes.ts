import type { SubjectType } from './vocabulary';

/**
 * Every readable field of a child or household has exactly one class (docs/domain.md, "Field classes and who
 * sees them"): the policy grants fields by class, and a test fails when a GraphQL field has none.
 * Other subjects hold case information only and are guarded by row, not field.
 */
export type FieldClass = 'case' | 'identifying' | 'special' | 'criminalOffence' | 'birthFamily';
export type GuardedSubject = Extract<SubjectType, 'Child' | 'Household'>;

export const CHILD_CASE_FIELDS = [
  'id',
  'authority',
  'stage',
  'viewerCan',
  'enteredCareOn',
  'adoptionPlanDecidedOn',
  'placementOrderGrantedOn',
  'earlyPermanencePlacedOn',
  'matchedOn',
  'placedOn',
  'adoptionOrderGrantedOn',
  'planChangedOn',
  'planChangeReason',
  'disruptedOn',
  'familyFinder',
  'decisions',
  'placementOrder',
  'placements',
  'matches',
  'disruptions',
  'restriction',
  'viewerFacts',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export const CHILD_IDENTIFYING_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'ageInYears', 'nhsNumber'] as const;
export const CHILD_SPECIAL_FIELDS = ['sex', 'ethnicity', 'religion', 'disability', 'healthNeeds'] as const;
export const CHILD_BIRTH_FAMILY_FIELDS = ['birthFamilyBackground'] as const;
/** What a panel member may see of a child's identity: first name and age only. */
export const CHILD_PANEL_IDENTITY_FIELDS = ['firstName', 'ageInYears'] as const;

export const HOUSEHOLD_CASE_FIELDS = [
  'id',
  'reference',
  'stage',
  'viewerCan',
  'stageEnteredOn',
  'homeAuthority',
  'minChildAge',
  'maxChildAge',
  'maxSiblings',
  'needsTheyCanMeet',
  'earlyPermanence',
  'fastTrack',
  'dbsChecksComplete',
  'enquiryOn',
  'approvedOn',
  'approvingAgency',
  'proposedFor',
  'stageHistory',
  'decisions',
  'panelRecommendation',
  'viewerFacts',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export const HOUSEHOLD_IDENTIFYING_FIELDS = ['applicants', 'applicantFirstNames', 'applicantAges', 'address'] as const;
export const HOUSEHOLD_SPECIAL_FIELDS = ['ethnicity', 'religion', 'healthNotes'] as const;
/**
 * Criminal-offence data (docs/domain.md, "Field classes and who sees them"): what the DBS checks found. Read
 * only by those who decide or recommend approval; everyone else sees `dbsChecksComplete`, a case field.
 */
export const HOUSEHOLD_CRIMINAL_OFFENCE_FIELDS = ['dbsOutcome'] as const;
/** What a panel member may see of the applicants' identity: first names and ages only. */
export const HOUSEHOLD_PANEL_IDENTITY_FIELDS = ['applicantFirstNames', 'applicantAges'] as const;

export const FIELD_CLASSES: Record<GuardedSubject, Record<FieldClass, readonly string[]>> = {
  Child: {
    case: CHILD_CASE_FIELDS,
    identifying: CHILD_IDENTIFYING_FIELDS,
    special: CHILD_SPECIAL_FIELDS,
    criminalOffence: [],
    birthFamily: CHILD_BIRTH_FAMILY_FIELDS,
  },
  Household: {
    case: HOUSEHOLD_CASE_FIELDS,
    identifying: HOUSEHOLD_IDENTIFYING_FIELDS,
    special: HOUSEHOLD_SPECIAL_FIELDS,
    criminalOffence: HOUSEHOLD_CRIMINAL_OFFENCE_FIELDS,
    birthFamily: [],
  },
};

/**
 * Records guarded by row, not by field, that still hold personal data: a supported family's name and what
 * is written about them. Whoever reads them may read all of them, and every read is logged.
 */
export const SUPPORT_PERSONAL_FIELDS = {
  SupportRequest: ['familyName', 'summary'],
  SupportAssessment: ['notes'],
} as const satisfies Partial<Record<SubjectType, readonly string[]>>;

/**
 * Every field whose reads the access log records: every class but `case` (identifying, special, criminal offence,
 * birth family), and support records' personal fields.
 */
export function loggedReadFields(): Record<string, readonly string[]> {
  const logged: Record<string, readonly string[]> = { ...SUPPORT_PERSONAL_FIELDS };
  for (const subjectType of Object.keys(FIELD_CLASSES) as GuardedSubject[]) {
    const classes = FIELD_CLASSES[subjectType];
    logged[subjectType] = (Object.keys(classes) as FieldClass[]).filter((c) => c !== 'case').flatMap((c) => classes[c]);
  }
  return logged;
}

/** The field sets roles are granted, named once. */
export const CHILD_FIELDS_FOR_CASEWORK = [...CHILD_CASE_FIELDS, ...CHILD_IDENTIFYING_FIELDS, ...CHILD_SPECIAL_FIELDS];
export const CHILD_FIELDS_FOR_PANEL = [...CHILD_CASE_FIELDS, ...CHILD_PANEL_IDENTITY_FIELDS, ...CHILD_SPECIAL_FIELDS];
export const HOUSEHOLD_FIELDS_FOR_CASEWORK = [...HOUSEHOLD_CASE_FIELDS, ...HOUSEHOLD_IDENTIFYING_FIELDS, ...HOUSEHOLD_SPECIAL_FIELDS];
export const HOUSEHOLD_FIELDS_FOR_PANEL = [...HOUSEHOLD_CASE_FIELDS, ...HOUSEHOLD_PANEL_IDENTITY_FIELDS, ...HOUSEHOLD_SPECIAL_FIELDS];

const allFields = new Map<GuardedSubject, string[]>();

/** Every classified field of a subject (the field guard's universe). */
export function allFieldsOf(subjectType: GuardedSubject): string[] {
  let fields = allFields.get(subjectType);
  if (!fields) allFields.set(subjectType, (fields = Object.values(FIELD_CLASSES[subjectType]).flat()));
  return fields;
}
