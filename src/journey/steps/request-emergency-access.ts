import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertCan, assertMayEver } from '../../access/refusals';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import type { Authority, RestrictionCategory } from '../../authz/vocabulary';
import { notFound } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { EmergencyAccessPeriod } from '../emergency-access-period';
import { EmergencyAccessRecord } from '../emergency-access.entity';
import { EmergencyAccess, RequestEmergencyAccessInput } from '../emergency-access.types';
import { presentEmergencyAccess } from '../emergency-access.view';

/**
 * An emergency access as the step proposes it to the policy: the requester's, on a child of `authority` restricted by
 * `restrictionCategory`, if at all. `viewerCanCreate.requestEmergencyAccess` asks on one of an unrestricted child.
 */
export const proposedEmergencyAccess = (
  staffId: string,
  authority: Authority,
  restrictionCategory: RestrictionCategory | null,
): EmergencyAccessRecord =>
  Object.assign(new EmergencyAccessRecord(), { staffId, authority, childRestrictionCategory: restrictionCategory });

/**
 * Break-glass: a member of staff with a case role reads one child out of their reach, for a reason, for the
 * configured hours, from their next request on. The child is looked up whatever its authority (the requester cannot
 * read it yet): a missing one is NOT_FOUND; then the policy decides (STAFF_CONNECTED_RECORD, EMERGENCY_ACCESS_BARRED).
 */
export function requestEmergencyAccess(
  ctx: ServiceContext,
  input: RequestEmergencyAccessInput,
  period: EmergencyAccessPeriod,
): Promise<EmergencyAccess> {
  const [childId, reason] = checkInput(
    input,
    () => parseId('childId', input.childId),
    () => requireText('reason', input.reason),
  );
  const { action, subject } = MUTATION_ACCESS.requestEmergencyAccess;
  assertMayEver(ctx.ability, action, subject);
  return ctx.db.unit(async (manager) => {
    const [child] = (await manager.query(`SELECT authority, restriction_category FROM emergency_access_child($1)`, [childId])) as {
      authority: Authority;
      restriction_category: RestrictionCategory | null;
    }[];
    if (!child) throw notFound('Child', childId);
    const proposed = Object.assign(proposedEmergencyAccess(ctx.actor.staffId, child.authority, child.restriction_category), {
      childId,
      reason,
      grantedAt: ctx.now,
      expiresAt: period.expiresAt(ctx.now),
      outcome: null,
      note: null,
      reviewedBy: null,
      reviewedAt: null,
    });
    assertCan(ctx.ability, action, proposed);
    return presentEmergencyAccess(await manager.save(proposed));
  });
}

@Resolver()
export class RequestEmergencyAccessStep {
  @Mutation(() => EmergencyAccess, {
    description:
      'Break-glass: read one child out of your reach, with your role’s fields, for a few hours, from your next request; reviewed afterwards.',
  })
  requestEmergencyAccess(
    @Arg('input', () => RequestEmergencyAccessInput, { description: 'The child and why it must be read now.' })
    input: RequestEmergencyAccessInput,
    @Ctx() ctx: RequestContext,
  ) {
    return requestEmergencyAccess(ctx, input, ctx.services.get(EmergencyAccessPeriod));
  }
}
