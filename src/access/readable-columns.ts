import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppAbility } from '../authz/ability';
import type { SubjectType } from '../authz/vocabulary';
import { accessibleWhere } from './casl-to-sql';

/** A column as SQL, and whether it is masked (null on some records) rather than the column itself. */
export type ReadableColumn = { sql: string; params: Record<string, unknown>; masked: boolean };

/**
 * A column of a list's records as the caller may filter, search or order by it: its value where the caller may read
 * the field on the record, else null — so a value the field guard would hide never finds, places or counts a record.
 * Where every rule that lets the caller read the record lets them read the field too, that is the column itself (which
 * an index serves); else the column behind the field's own read condition, which a property test holds equal to
 * `ability.can('read', record, field)`.
 */
export function readableColumn<E extends ObjectLiteral>(
  ability: AppAbility,
  subjectType: SubjectType,
  query: SelectQueryBuilder<E>,
  property: string,
  field = property,
): ReadableColumn {
  const { metadata, name: alias } = query.expressionMap.mainAlias!;
  const column = `"${alias}"."${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
  const recordRules = ability.rulesFor('read', subjectType);
  const fieldRules = ability.rulesFor('read', subjectType, field);
  if (fieldRules.length === recordRules.length && fieldRules.every((rule, i) => rule === recordRules[i])) {
    return { sql: column, params: {}, masked: false };
  }
  const { sql, params } = accessibleWhere(ability, 'read', subjectType, metadata, alias, field);
  return { sql: sql === 'FALSE' ? 'NULL' : `CASE WHEN ${sql} THEN ${column} END`, params, masked: true };
}
