import type { SelectQueryBuilder } from 'typeorm';
import { assertFilterable } from '../access/field-guard';
import { readableColumn } from '../access/readable-columns';
import type { AppAbility } from '../authz/ability';
import { badUserInput } from '../graphql/errors';
import type { ListOrder } from '../graphql/keyset';
import { CHILD_STAGES } from './child-stage';
import type { StageCount } from './child-list.types';
import { CHILD_ORDER_FIELDS, DEFAULT_CHILD_ORDER, type ChildOrder } from './child-order';
import type { ChildRecord } from './child.entity';

type ChildQuery = SelectQueryBuilder<ChildRecord>;

/** The fields a search reads: each only where the caller may read it on the record. */
export const CHILD_SEARCH_FIELDS = ['firstName', 'lastName', 'nhsNumber'] as const;
const MAX_SEARCH_WORDS = 5;
const MAX_ORDER_KEYS = 3;

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Narrows `query` to the children `search` finds: every word in the first or last name, or the whole NHS number. A
 * value the caller may not read on a record is never searched (it reads as null), so a search by a hidden surname
 * finds nothing, and tells nothing.
 */
export function searchChildren(ability: AppAbility, query: ChildQuery, search: string): void {
  const words = search.split(/\s+/);
  if (words.length > MAX_SEARCH_WORDS) throw badUserInput('filter.search', `at most ${MAX_SEARCH_WORDS} words`);
  const [first, last, nhs] = CHILD_SEARCH_FIELDS.map((field) => readableColumn(ability, 'Child', query, field));
  query.setParameters({ ...first!.params, ...last!.params, ...nhs!.params });
  const names = words.map((word, i) => {
    query.setParameter(`searchWord${i}`, likePattern(word));
    return `(${first!.sql} ILIKE :searchWord${i} OR ${last!.sql} ILIKE :searchWord${i})`;
  });
  const digits = search.replace(/\s/g, '');
  const byNhsNumber = /^\d{10}$/.test(digits) ? ` OR ${nhs!.sql} = :searchNhsNumber` : '';
  query.andWhere(`((${names.join(' AND ')})${byNhsNumber})`, { searchNhsNumber: digits });
}

/**
 * The list's order: the caller's, else the default. A field the caller may not read on every record of the list is
 * refused (FIELD_NOT_READABLE, as a filter on it is); a value hidden by a narrower rule places its record last.
 */
export function childOrder(ability: AppAbility, query: ChildQuery, orderBy: readonly ChildOrder[] | undefined): ListOrder {
  const keys = orderBy?.length ? orderBy : DEFAULT_CHILD_ORDER;
  if (keys.length > MAX_ORDER_KEYS) throw badUserInput('orderBy', `at most ${MAX_ORDER_KEYS} keys`);
  if (new Set(keys.map((k) => k.field)).size < keys.length) throw badUserInput('orderBy', 'names a field twice');
  const properties = keys.map((k) => CHILD_ORDER_FIELDS[k.field]);
  assertFilterable(ability, 'Child', properties);
  return keys.map((key, i) => {
    const column = readableColumn(ability, 'Child', query, properties[i]!);
    const ordered = { property: properties[i]!, direction: key.direction };
    return column.masked ? { ...ordered, expression: column.sql, params: column.params } : ordered;
  });
}

/** Every stage, with how many children of `query` (the list, but for its stage filters) are at it. */
export async function countByStage(ability: AppAbility, query: ChildQuery): Promise<StageCount[]> {
  const stage = readableColumn(ability, 'Child', query, 'stage');
  const rows = await query
    .setParameters(stage.params)
    .select(stage.sql, 'stage')
    .addSelect('COUNT(*)', 'count')
    .groupBy(stage.sql)
    .getRawMany<{ stage: string | null; count: string }>();
  const counts = new Map(rows.map((row) => [row.stage, Number(row.count)]));
  return CHILD_STAGES.map((s) => ({ stage: s, count: counts.get(s) ?? 0 }));
}
