import type { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppAbility } from '../authz/ability';
import type { SubjectType } from '../authz/vocabulary';
import { accessibleWhere, type SqlCondition } from './casl-to-sql';

/** A column as SQL, and whether it is masked (null on some records) rather than the column itself. */
export type ReadableColumn = { sql: string; params: Record<string, unknown>; masked: boolean };

/**
 * The records of a list (rows the caller may read) on which the caller may read `field`, as SQL on `alias`: TRUE where
 * every rule that lets the caller read the record lets them read the field too (the same rules, so no record of the
 * list hides it); else the field's own read condition. A property test holds it equal, on the rows in reach, to
 * `ability.can('read', record, field)`.
 */
export function readableCondition(
  ability: AppAbility,
  subjectType: SubjectType,
  metadata: EntityMetadata,
  alias: string,
  field: string,
): SqlCondition {
  const recordRules = ability.rulesFor('read', subjectType);
  const fieldRules = ability.rulesFor('read', subjectType, field);
  if (fieldRules.length === recordRules.length && fieldRules.every((rule, i) => rule === recordRules[i])) {
    return { sql: 'TRUE', params: {} };
  }
  return accessibleWhere(ability, 'read', subjectType, metadata, alias, field);
}

/**
 * A column of a list's records as the caller may filter, search or order by it: its value where the caller may read
 * the field on the record, else null — so a value the field guard would hide never finds, places or counts a record.
 * Where the caller may read the field on every record of the list, that is the column itself (which an index serves);
 * else the column behind the field's own read condition (`readableCondition`).
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
  const { sql, params } = readableCondition(ability, subjectType, metadata, alias, field);
  if (sql === 'TRUE') return { sql: column, params, masked: false };
  return { sql: sql === 'FALSE' ? 'NULL' : `CASE WHEN ${sql} THEN ${column} END`, params, masked: true };
}
