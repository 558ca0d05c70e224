import type { Child } from './child.types';
import type { ChildRecord } from './child.entity';

/** Whole years from `dateOfBirth` to `today` (both YYYY-MM-DD). */
export function ageInYears(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Every GraphQL field of a child, before the field guard hides what the caller may not read. */
export function toChildView(record: ChildRecord, today: string): Omit<Child, 'redactedFields'> {
  const { createdBy: _createdBy, ...fields } = record;
  return { ...fields, ageInYears: ageInYears(record.dateOfBirth, today) };
}
