import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppAbility } from '../authz/ability';
import type { SubjectType } from '../authz/vocabulary';
import { badUserInput } from '../graphql/errors';
import type { ListOrder } from '../graphql/keyset';
import { MAX_ORDER_KEYS, type OrderBy, type OrderFields } from '../graphql/list-order';
import { assertFilterable } from './field-guard';
import { readableColumn } from './readable-columns';

/** The order a client asked a list for, among the list's order fields; with none, the list's own default. */
export type RequestedOrder<F extends string> = {
  fields: OrderFields<F>;
  keys: readonly OrderBy<F>[] | null | undefined;
  /** The list's own order; none: creation time, then id. */
  byDefault?: readonly OrderBy<F>[];
};

/**
 * A list's order: the caller's, else the list's default (none: creation time, then id). A field the caller may not
 * read on every record of the list is refused (FIELD_NOT_READABLE, as a filter on it is); a value hidden by a
 * narrower rule is read as null, which places its record last.
 */
export function listOrder<E extends ObjectLiteral, F extends string>(
  ability: AppAbility,
  subjectType: SubjectType,
  query: SelectQueryBuilder<E>,
  { fields, keys: asked, byDefault }: RequestedOrder<F>,
): ListOrder | undefined {
  const keys = asked?.length ? asked : byDefault;
  if (!keys) return undefined;
  if (keys.length > MAX_ORDER_KEYS) throw badUserInput('orderBy', `at most ${MAX_ORDER_KEYS} keys`);
  if (new Set(keys.map((k) => k.field)).size < keys.length) throw badUserInput('orderBy', 'names a field twice');
  assertFilterable(
    ability,
    subjectType,
    keys.map((k) => fields[k.field].field ?? fields[k.field].property),
  );
  return keys.map(({ field, direction }) => {
    const { property, field: guarded = property, expression } = fields[field];
    const column = readableColumn(ability, subjectType, query, property, guarded);
    if (expression) return { property, direction, name: field, expression: expression(column.sql), params: column.params };
    return column.masked ? { property, direction, expression: column.sql, params: column.params } : { property, direction };
  });
}
