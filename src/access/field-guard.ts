import { permittedFieldsOf } from '@casl/ability/extra';
import type { AppAbility } from '../authz/ability';
import { allFieldsOf, type GuardedSubject } from '../authz/field-classes';
import { forbidden } from '../graphql/errors';
import type { SubjectType } from '../authz/vocabulary';

export type Guarded<V> = V & { redactedFields: string[] };

/**
 * THE field guard: every record leaves a service through here. A field the actor may not read
 * on this record is null and named in `redactedFields`. `record` carries the columns the rules'
 * conditions test; `view` is the shape returned to GraphQL (it may hold derived fields, like an age),
 * a fresh object built for this call, which the guard completes in place rather than copies.
 */
export function guardFields<V extends object>(ability: AppAbility, subjectType: GuardedSubject, record: object, view: V): Guarded<V> {
  const all = allFieldsOf(subjectType);
  const permitted = readableFields(ability, subjectType, record, all);
  const fields = view as Record<string, unknown>;
  const redactedFields: string[] = [];
  for (const field of all) {
    if (!permitted.has(field)) {
      fields[field] = null;
      redactedFields.push(field);
    }
  }
  fields.redactedFields = redactedFields;
  return view as Guarded<V>;
}

/** Per ability: the readable fields for each set of read rules a record matches. */
const readableBySignature = new WeakMap<AppAbility, Map<string, ReadonlySet<string>>>();

/**
 * `permittedFieldsOf`, which depends only on which of the read rules match the record: worked out once per
 * request for each such set (a page of records usually shares one), rather than once per record.
 */
function readableFields(ability: AppAbility, subjectType: GuardedSubject, record: object, all: string[]): ReadonlySet<string> {
  let signature: string = subjectType;
  for (const rule of ability.possibleRulesFor('read', subjectType)) signature += rule.matchesConditions(record) ? '1' : '0';
  let cache = readableBySignature.get(ability);
  if (!cache) readableBySignature.set(ability, (cache = new Map()));
  let fields = cache.get(signature);
  if (!fields) {
    fields = new Set(permittedFieldsOf(ability, 'read', record, { fieldsFrom: (rule) => rule.fields ?? all }));
    cache.set(signature, fields);
  }
  return fields;
}

/**
 * The field guard of a subject without field classes whose rules may still name fields (an entry of the staff
 * directory): each field of `view` the actor may not read on `record` is null.
 */
export function guardNamedFields<V extends object>(ability: AppAbility, record: object, view: V): V {
  const all = Object.keys(view);
  const permitted = new Set(permittedFieldsOf(ability, 'read', record, { fieldsFrom: (rule) => rule.fields ?? all }));
  const fields = view as Record<string, unknown>;
  for (const field of all) if (!permitted.has(field)) fields[field] = null;
  return view;
}

/**
 * Filtering or ordering on a field leaks it unless every read rule of the actor grants that field:
 * otherwise the answer would reveal values of records where it is hidden.
 */
export function mayFilterOn(ability: AppAbility, subjectType: SubjectType, field: string): boolean {
  return ability.rulesFor('read', subjectType).every((rule) => rule.inverted || rule.fields === undefined || rule.matchesField(field));
}

/** Refuses a filter or an order on a field `mayFilterOn` does not allow (FORBIDDEN, FIELD_NOT_READABLE). */
export function assertFilterable(ability: AppAbility, subjectType: SubjectType, fields: readonly string[]): void {
  for (const field of fields) {
    if (!mayFilterOn(ability, subjectType, field)) {
      throw forbidden('FIELD_NOT_READABLE', { subjectType }, `You may not filter or order on ${field}`);
    }
  }
}
