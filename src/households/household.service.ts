import { assertFilterable } from '../access/field-guard';
import { readList, readOne } from '../access/guarded';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import type { Household, HouseholdsArgs } from './household.types';
import { HOUSEHOLD } from './household.view';

/** Reads of adopter households; recruiting them and moving them through their stages are steps (steps/). */
export class HouseholdService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: HouseholdsArgs): Promise<Page<Household>> {
    return readList(this.ctx, HOUSEHOLD, args, (query) => {
      assertFilterable(this.ctx.ability, 'Household', Object.keys(args.filter ?? {}));
      if (args.filter?.stage) query.andWhere(`${HOUSEHOLD.alias}.stage = :stage`, { stage: args.filter.stage });
    });
  }

  get(id: string): Promise<Household> {
    return readOne(this.ctx, HOUSEHOLD, id);
  }
}
