import { assertFilterable } from '../access/field-guard';
import { readableQuery, readOne } from '../access/guarded';
import { readableColumn } from '../access/readable-columns';
import type { ServiceContext } from '../access/service-context';
import { paginate } from '../graphql/connection';
import { optionalText } from '../graphql/input-rules';
import { childOrder, countByStage, searchChildren } from './child-list';
import type { ChildPage } from './child-list.types';
import type { Child, ChildFilter, ChildrenArgs } from './child.types';
import type { ChildRecord } from './child.entity';
import { CHILD } from './child.view';
import type { SelectQueryBuilder } from 'typeorm';

/** The filters that name a field of the child, and so must be on fields the caller may read on every record. */
const FIELD_FILTERS: Partial<Record<keyof ChildFilter, string>> = { authority: 'authority', stage: 'stage', stages: 'stage' };

/** Reads of the child record itself; its steps are under steps/. Who may do what is asked of src/authz, never decided here. */
export class ChildService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A page of the children in reach, filtered, searched and ordered; with counts per stage of the list but its stage filters. */
  async list(args: ChildrenArgs): Promise<ChildPage> {
    const { ability } = this.ctx;
    const filter = args.filter ?? {};
    const query = readableQuery(this.ctx, CHILD);
    const named = (Object.keys(filter) as (keyof ChildFilter)[]).filter((f) => filter[f] != null);
    assertFilterable(ability, 'Child', [...new Set(named.flatMap((f) => FIELD_FILTERS[f] ?? []))]);
    this.narrow(query, filter);
    const ofEveryStage = query.clone();
    const stage = readableColumn(ability, 'Child', query, 'stage');
    query.setParameters(stage.params);
    if (filter.stage) query.andWhere(`${stage.sql} = :stage`, { stage: filter.stage });
    if (filter.stages) query.andWhere(filter.stages.length ? `${stage.sql} IN (:...stages)` : 'FALSE', { stages: filter.stages });
    const page = await paginate(query, args, (record) => CHILD.present(this.ctx, record), childOrder(ability, query, args.orderBy));
    return { ...page, countStages: () => countByStage(ability, ofEveryStage) };
  }

  get(id: string): Promise<Child> {
    return readOne(this.ctx, CHILD, id);
  }

  /** Every filter but the stage filters, which the counts per stage leave out. */
  private narrow(query: SelectQueryBuilder<ChildRecord>, filter: ChildFilter): void {
    const { ability, facts } = this.ctx;
    if (filter.authority) {
      const authority = readableColumn(ability, 'Child', query, 'authority');
      query.andWhere(`${authority.sql} = :authority`, { ...authority.params, authority: filter.authority });
    }
    if (filter.allocatedToMe) {
      const ids = facts.allocatedChildIds;
      query.andWhere(ids.length ? `${CHILD.alias}.id IN (:...allocatedIds)` : 'FALSE', { allocatedIds: ids });
    }
    const search = optionalText(filter.search);
    if (search) searchChildren(ability, query, search);
  }
}
