import { permittedFieldsOf } from '@casl/ability/extra';
import type { AppAbility } from './ability';
import { allFieldsOf, type GuardedSubject } from './field-classes';
import { forbidden } from '../graphql/errors';
import type { SubjectType } from './vocabulary';

export type Guarded<V> = V & { redactedFields: string[] };

/**
 * THE field guard: every record leaves a service through here. A field the actor may not read
 * on this record is null and named in `redactedFields`. `record` carries the columns the rules'
 * conditions test; `view` is the shape returned to GraphQL (it may hold derived fields, like an age).
 */
export function guardFields<V extends object>(
  ability: AppAbility,
  subjectType: GuardedSubject,
  record: object,
  view: V,
): Guarded<V> {
  const all = allFieldsOf(subjectType);
  const permitted = new Set(permittedFieldsOf(ability, 'read', record, { fieldsFrom: (rule) => rule.fields ?? all }));
  const guarded: Record<string, unknown> = { ...(view as Record<string, unknown>) };
  const redactedFields: string[] = [];
  for (const field of all) {
    if (!permitted.has(field)) {
      guarded[field] = null;
      redactedFields.push(field);
    }
  }
  return Object.assign(guarded as V, { redactedFields });
}

/**
 * Filtering or ordering on a field leaks it unless every read rule of the actor grants that field:
 * otherwise the answer would reveal values of records where it is hidden.
 */
export function assertFilterable(ability: AppAbility, subjectType: SubjectType, fields: readonly string[]): void {
  const rules = ability.rulesFor('read', subjectType).filter((rule) => !rule.inverted);
  for (const field of fields) {
    if (rules.some((rule) => rule.fields !== undefined && !rule.matchesField(field))) {
      throw forbidden('FIELD_NOT_READABLE', { subjectType }, `You may not filter or order on ${field}`);
    }
  }
}

/** True when the field guard hid `field` of this object: its relation resolver then returns null too. */
export function isRedacted(view: { redactedFields: readonly string[] }, field: string): boolean {
  return view.redactedFields.includes(field);
}
