import { In, IsNull } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertMayEver } from '../../access/refusals';
import { accessibleQuery } from '../../access/scoped-reads';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { notFound } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { EmergencyAccessBarRecord } from '../emergency-access-bar.entity';
import { EmergencyAccessRecord } from '../emergency-access.entity';
import { EmergencyAccessBarLift, LiftEmergencyAccessBarInput } from '../emergency-access.types';

/**
 * Lifts, with a reason, the bars on a member of staff that the actor may lift: those set by reviews of emergency
 * accesses the actor may review (an auditor: of their authority's children, or all; the child's ADM). A bar set by
 * another authority's review stays. None to lift is NOT_FOUND. The change is in the access log, by trigger.
 */
export function liftEmergencyAccessBar(ctx: ServiceContext, input: LiftEmergencyAccessBarInput): Promise<EmergencyAccessBarLift> {
  const [staffId, reason] = checkInput(
    input,
    () => parseId('staffId', input.staffId),
    () => requireText('reason', input.reason),
  );
  const { action, subject } = MUTATION_ACCESS.liftEmergencyAccessBar;
  assertMayEver(ctx.ability, action, subject);
  return ctx.db.unit(async (manager) => {
    const bars = await manager.find(EmergencyAccessBarRecord, {
      where: { staffId, liftedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    const reviews = bars.length
      ? await accessibleQuery(manager, ctx.ability, action, subject, EmergencyAccessRecord, 'review')
          .andWhere('review.id IN (:...ids)', { ids: bars.map((bar) => bar.barredByReview) })
          .getMany()
      : [];
    const liftable = bars.filter((bar) => reviews.some((review) => review.id === bar.barredByReview));
    if (liftable.length === 0) throw notFound('EmergencyAccessBar', staffId);
    await manager.update(
      EmergencyAccessBarRecord,
      { id: In(liftable.map((bar) => bar.id)) },
      { liftedBy: ctx.actor.staffId, liftedReason: reason, liftedAt: ctx.now },
    );
    return { staffId, liftedBars: liftable.length };
  });
}

@Resolver()
export class LiftEmergencyAccessBarStep {
  @Mutation(() => EmergencyAccessBarLift, {
    description: 'An auditor or the child’s ADM lifts, with a reason, the bars their reviews set on a member of staff breaking glass.',
  })
  liftEmergencyAccessBar(
    @Arg('input', () => LiftEmergencyAccessBarInput, { description: 'The member of staff and why.' }) input: LiftEmergencyAccessBarInput,
    @Ctx() ctx: RequestContext,
  ) {
    return liftEmergencyAccessBar(ctx, input);
  }
}
