import type { SelectQueryBuilder } from 'typeorm';
import { everyWordFound } from '../access/list-search';
import { readableColumn } from '../access/readable-columns';
import type { AppAbility } from '../authz/ability';
import { CHILD_STAGES } from './child-stage';
import type { StageCount } from './child-list.types';
import type { ChildRecord } from './child.entity';

type ChildQuery = SelectQueryBuilder<ChildRecord>;

/** The fields a search reads: each only where the caller may read it on the record. */
export const CHILD_SEARCH_FIELDS = ['firstName', 'lastName', 'nhsNumber'] as const;

/**
 * Narrows `query` to the children `search` finds: every word in the first or last name, or the whole NHS number. A
 * value the caller may not read on a record is never searched (it reads as null), so a search by a hidden surname
 * finds nothing, and tells nothing.
 */
export function searchChildren(ability: AppAbility, query: ChildQuery, search: string): void {
  const [first, last, nhs] = CHILD_SEARCH_FIELDS.map((field) => readableColumn(ability, 'Child', query, field));
  query.setParameters({ ...first!.params, ...last!.params, ...nhs!.params });
  const names = everyWordFound(query, search, (word) => `${first!.sql} ILIKE ${word} OR ${last!.sql} ILIKE ${word}`);
  const digits = search.replace(/\s/g, '');
  const byNhsNumber = /^\d{10}$/.test(digits) ? ` OR ${nhs!.sql} = :searchNhsNumber` : '';
  query.andWhere(`(${names}${byNhsNumber})`, { searchNhsNumber: digits });
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
