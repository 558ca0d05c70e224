import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AppAbility } from '../authz/ability';
import { hydrated } from '../db/hydrated';
import { BatchedRuleReader } from './rule-reads';
import { accessibleQuery } from './scoped-reads';
import type { SubjectType } from '../authz/vocabulary';

/**
 * DataLoaders built per request from the caller's ability: every batch is one statement that carries
 * the read policy, so a relation the caller may not see resolves to null (or is left out of a list),
 * and the number of statements does not grow with the page size. A batch's keys travel as one array, so the
 * statement's text does not change with their number.
 */
export class ScopedLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();
  private ruleReader?: BatchedRuleReader;

  constructor(
    private readonly manager: () => EntityManager,
    private readonly ability: AppAbility,
  ) {}

  /** The visible record with each id, or null. */
  one<E extends ObjectLiteral & { id: string }>(subjectType: SubjectType, entity: EntityTarget<E>): DataLoader<string, E | null> {
    return this.loader(`${subjectType}:id`, async (ids) => {
      const rows = await hydrated(this.query(subjectType, entity).andWhere('r.id = ANY (:ids)', { ids: [...ids] }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** The visible records whose `key` column holds each value, oldest first. */
  many<E extends ObjectLiteral>(subjectType: SubjectType, entity: EntityTarget<E>, key: keyof E & string): DataLoader<string, E[]> {
    return this.loader(`${subjectType}:${key}`, async (values) => {
      const rows = await hydrated(
        this.query(subjectType, entity)
          .andWhere(`r.${key} = ANY (:values)`, { values: [...values] })
          .orderBy('r.createdAt', 'ASC')
          .addOrderBy('r.id', 'ASC'),
      );
      const grouped = new Map<string, E[]>(values.map((v) => [v, []]));
      for (const row of rows) grouped.get(row[key] as string)?.push(row);
      return values.map((v) => grouped.get(v)!);
    });
  }

  /** The state the steps' rules read, batched the same way, for `viewerCan` (src/access/rule-reads.ts). */
  get rules(): BatchedRuleReader {
    this.ruleReader ??= new BatchedRuleReader(this.manager);
    return this.ruleReader;
  }

  private query<E extends ObjectLiteral>(subjectType: SubjectType, entity: EntityTarget<E>) {
    return accessibleQuery(this.manager(), this.ability, 'read', subjectType, entity, 'r');
  }

  private loader<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
