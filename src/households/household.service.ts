import { readList, readOne } from '../access/guarded';
import { ListFilters } from '../access/list-filters';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import { optionalText } from '../graphql/input-rules';
import { HOUSEHOLD_ORDER_FIELDS, searchHouseholds } from './household-list';
import { HOLDING_APPROVAL_STAGES, HOUSEHOLD_STAGES } from './household-stage';
import type { Household, HouseholdsArgs } from './household.types';
import { HOUSEHOLD } from './household.view';

/** Reads of adopter households; recruiting them and moving them through their stages are steps (steps/). */
export class HouseholdService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A page of the households in reach, filtered, searched and ordered. */
  list(args: HouseholdsArgs): Promise<Page<Household>> {
    const filter = args.filter ?? {};
    const { ability } = this.ctx;
    const order = { fields: HOUSEHOLD_ORDER_FIELDS, keys: args.orderBy };
    return readList(
      this.ctx,
      HOUSEHOLD,
      args,
      (query) => {
        const search = optionalText(filter.search);
        if (search) searchHouseholds(ability, query, search);
        new ListFilters(ability, 'Household', query)
          .equals('stage', filter.stage)
          .oneOf('stage', filter.stages)
          .equals('earlyPermanence', filter.earlyPermanence)
          .equals('fastTrack', filter.fastTrack)
          .equals('homeAuthority', filter.homeAuthority)
          .compare('minChildAge', '<=', filter.childAge)
          .compare('maxChildAge', '>=', filter.childAge)
          .compare('maxSiblings', '>=', filter.siblingGroupOf)
          .oneOf(
            'stage',
            filter.approved == null ? null : HOUSEHOLD_STAGES.filter((s) => HOLDING_APPROVAL_STAGES.includes(s) === filter.approved),
          );
      },
      order,
    );
  }

  get(id: string): Promise<Household> {
    return readOne(this.ctx, HOUSEHOLD, id);
  }
}
