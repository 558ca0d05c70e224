import type { AppAbility } from '../authz/ability';
import { guardFields } from '../authz/field-guard';
import { ageInYears } from '../children/child.view';
import type { Household } from './household.types';
import type { HouseholdRecord } from './household.entity';

/** A household as the caller may see it: every GraphQL field, then the field guard. */
export function presentHousehold(ability: AppAbility, today: string, record: HouseholdRecord): Household {
  const { createdBy: _createdBy, ...fields } = record;
  return guardFields(ability, 'Household', record, {
    ...fields,
    applicantFirstNames: record.applicants.map((a) => a.firstName),
    applicantAges: record.applicants.map((a) => ageInYears(a.dateOfBirth, today)),
  });
}
