import { readableQuery, readOne } from '../access/guarded';
import { ListFilters } from '../access/list-filters';
import { listOrder } from '../access/list-order';
import type { ServiceContext } from '../access/service-context';
import { paginate } from '../graphql/connection';
import { optionalText } from '../graphql/input-rules';
import { countByStage, searchChildren } from './child-list';
import { CHILD_ORDER_FIELDS, DEFAULT_CHILD_ORDER } from './child-order';
import type { ChildPage } from './child-list.types';
import type { Child, ChildFilter, ChildrenArgs } from './child.types';
import type { ChildRecord } from './child.entity';
import { CHILD } from './child.view';
import type { SelectQueryBuilder } from 'typeorm';

/** Reads of the child record itself; its steps are under steps/. Who may do what is asked of src/authz, never decided here. */
export class ChildService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A page of the children in reach, filtered, searched and ordered; with counts per stage of the list but its stage filters. */
  async list(args: ChildrenArgs): Promise<ChildPage> {
    const { ability } = this.ctx;
    const filter = args.filter ?? {};
    const query = readableQuery(this.ctx, CHILD);
    this.narrow(query, filter);
    const ofEveryStage = query.clone();
    new ListFilters(ability, 'Child', query).equals('stage', filter.stage).oneOf('stage', filter.stages);
    const order = listOrder(ability, 'Child', query, { fields: CHILD_ORDER_FIELDS, keys: args.orderBy, byDefault: DEFAULT_CHILD_ORDER });
    const page = await paginate(query, args, (record) => CHILD.present(this.ctx, record), order);
    return { ...page, countStages: () => countByStage(ability, ofEveryStage) };
  }

  get(id: string): Promise<Child> {
    return readOne(this.ctx, CHILD, id);
  }

  /** Every filter but the stage filters, which the counts per stage leave out. */
  private narrow(query: SelectQueryBuilder<ChildRecord>, filter: ChildFilter): void {
    const { ability, facts } = this.ctx;
    new ListFilters(ability, 'Child', query).equals('authority', filter.authority);
    if (filter.allocatedToMe) {
      const ids = facts.allocatedChildIds;
      query.andWhere(ids.length ? `${CHILD.alias}.id IN (:...allocatedIds)` : 'FALSE', { allocatedIds: ids });
    }
    const search = optionalText(filter.search);
    if (search) searchChildren(ability, query, search);
  }
}
