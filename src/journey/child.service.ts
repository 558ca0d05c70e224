import { assertFilterable } from '../access/field-guard';
import { assertMayEver } from '../access/refusals';
import { accessibleQuery, findReadable } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import { ChildRecord } from './child.entity';
import type { Child, ChildrenArgs } from './child.types';
import { presentChild } from './child.view';

const ALIAS = 'child';

/** Reads of the child record itself; its steps are under steps/. Who may do what is asked of src/authz, never decided here. */
export class ChildService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: ChildrenArgs): Promise<Page<Child>> {
    assertMayEver(this.ctx.ability, 'read', 'Child');
    const filter = args.filter ?? {};
    assertFilterable(this.ctx.ability, 'Child', Object.keys(filter).filter((f) => f !== 'allocatedToMe'));
    const query = this.readable();
    if (filter.authority) query.andWhere(`${ALIAS}.authority = :authority`, { authority: filter.authority });
    if (filter.stage) query.andWhere(`${ALIAS}.stage = :stage`, { stage: filter.stage });
    if (filter.allocatedToMe) {
      const ids = this.ctx.facts.allocatedChildIds;
      query.andWhere(ids.length ? `${ALIAS}.id IN (:...allocatedIds)` : 'FALSE', { allocatedIds: ids });
    }
    return paginate(query, args, (record) => this.present(record));
  }

  async get(id: string): Promise<Child> {
    return this.present(await findReadable(this.ctx.db.manager, this.ctx.ability, 'Child', ChildRecord, parseId('id', id)));
  }

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'Child', ChildRecord, ALIAS);
  }

  private present(record: ChildRecord): Child {
    return presentChild(this.ctx.ability, this.ctx.today, record);
  }
}
