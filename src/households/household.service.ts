import { readList, readOne } from '../access/guarded';
import { ListFilters } from '../access/list-filters';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import { HOLDING_APPROVAL_STAGES, HOUSEHOLD_STAGES } from './household-stage';
import type { Household, HouseholdsArgs } from './household.types';
import { HOUSEHOLD } from './household.view';

/** Reads of adopter households; recruiting them and moving them through their stages are steps (steps/). */
export class HouseholdService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: HouseholdsArgs): Promise<Page<Household>> {
    const filter = args.filter ?? {};
    return readList(this.ctx, HOUSEHOLD, args, (query) => {
      new ListFilters(this.ctx.ability, 'Household', query)
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
    });
  }

  get(id: string): Promise<Household> {
    return readOne(this.ctx, HOUSEHOLD, id);
  }
}
