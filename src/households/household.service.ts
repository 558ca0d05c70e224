import { assertFilterable } from '../access/field-guard';
import { assertMayEver } from '../access/refusals';
import { accessibleQuery, findReadable } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import { HouseholdRecord } from './household.entity';
import type { Household, HouseholdsArgs } from './household.types';
import { presentHousehold } from './household.view';

const ALIAS = 'household';

/** Reads of adopter households; recruiting them and moving them through their stages are steps (steps/). */
export class HouseholdService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: HouseholdsArgs): Promise<Page<Household>> {
    assertMayEver(this.ctx.ability, 'read', 'Household');
    assertFilterable(this.ctx.ability, 'Household', Object.keys(args.filter ?? {}));
    const query = this.readable();
    if (args.filter?.stage) query.andWhere(`${ALIAS}.stage = :stage`, { stage: args.filter.stage });
    return paginate(query, args, (record) => this.present(record));
  }

  async get(id: string): Promise<Household> {
    return this.present(await findReadable(this.ctx.db.manager, this.ctx.ability, 'Household', HouseholdRecord, parseId('id', id)));
  }

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'Household', HouseholdRecord, ALIAS);
  }

  private present(record: HouseholdRecord): Household {
    return presentHousehold(this.ctx.ability, this.ctx.today, record);
  }
}
