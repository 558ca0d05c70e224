import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { readList } from '../access/guarded';
import type { RequestContext } from '../access/service-context';
import {
  DEFAULT_EMERGENCY_ACCESS_ORDER,
  EMERGENCY_ACCESS_ORDER_FIELDS,
  EmergencyAccessConnection,
  EmergencyAccessReviewsArgs,
} from './emergency-access.types';
import { EMERGENCY_ACCESS } from './emergency-access.view';

const ACCESS = EMERGENCY_ACCESS.alias;

@Resolver()
export class EmergencyAccessResolver {
  @Query(() => EmergencyAccessConnection, {
    description:
      'Auditors and ADMs: the emergency accesses to review (a council’s: about its children), in the order asked: by default the oldest grant first.',
  })
  emergencyAccessReviews(@Args(() => EmergencyAccessReviewsArgs) args: EmergencyAccessReviewsArgs, @Ctx() ctx: RequestContext) {
    const reviewed = args.filter?.reviewed;
    return readList(
      ctx,
      EMERGENCY_ACCESS,
      args,
      (query) => {
        if (reviewed != null) query.andWhere(`${ACCESS}.outcome IS ${reviewed ? 'NOT ' : ''}NULL`);
      },
      { fields: EMERGENCY_ACCESS_ORDER_FIELDS, keys: args.orderBy, byDefault: DEFAULT_EMERGENCY_ACCESS_ORDER },
    );
  }
}
