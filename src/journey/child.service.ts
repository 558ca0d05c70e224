import { assertFilterable } from '../access/field-guard';
import { readList, readOne } from '../access/guarded';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import type { Child, ChildrenArgs } from './child.types';
import { CHILD } from './child.view';

/** Reads of the child record itself; its steps are under steps/. Who may do what is asked of src/authz, never decided here. */
export class ChildService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: ChildrenArgs): Promise<Page<Child>> {
    const filter = args.filter ?? {};
    return readList(this.ctx, CHILD, args, (query) => {
      assertFilterable(
        this.ctx.ability,
        'Child',
        Object.keys(filter).filter((f) => f !== 'allocatedToMe'),
      );
      if (filter.authority) query.andWhere(`${CHILD.alias}.authority = :authority`, { authority: filter.authority });
      if (filter.stage) query.andWhere(`${CHILD.alias}.stage = :stage`, { stage: filter.stage });
      if (filter.allocatedToMe) {
        const ids = this.ctx.facts.allocatedChildIds;
        query.andWhere(ids.length ? `${CHILD.alias}.id IN (:...allocatedIds)` : 'FALSE', { allocatedIds: ids });
      }
    });
  }

  get(id: string): Promise<Child> {
    return readOne(this.ctx, CHILD, id);
  }
}
