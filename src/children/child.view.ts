import type { AppAbility } from '../authz/ability';
import { guardFields } from '../authz/field-guard';
import type { ChildRecord } from './child.entity';
import type { Child } from './child.types';

/** Whole years from `dateOfBirth` to `today` (both YYYY-MM-DD). */
export function ageInYears(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * A child as the caller may see it: every GraphQL field (relations resolve from the id), then the
 * field guard hides what the caller may not read.
 */
export function presentChild(ability: AppAbility, today: string, record: ChildRecord): Child {
  const { createdBy: _createdBy, ...fields } = record;
  return guardFields(ability, 'Child', record, { ...fields, ageInYears: ageInYears(record.dateOfBirth, today) });
}
