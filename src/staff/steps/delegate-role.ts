import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { createOne } from '../../access/guarded';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { badUserInput, notFound } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { activeStaffMember, assertGrantDates, assertNoOverlap, assertSeparateDuties } from '../assignment-rules';
import { RoleAssignmentRecord } from '../role-assignment.entity';
import { DelegateRoleInput, RoleAssignment } from '../staff.types';
import { ROLE_ASSIGNMENT } from '../staff.view';

/**
 * The cover as the step proposes it to the policy, before it knows the role covered: any assignment.
 * `viewerCanCreate.delegateRole` asks on it too.
 */
export const proposedCover = (): RoleAssignmentRecord => new RoleAssignmentRecord();

/**
 * Acting cover: the access administrator lets a colleague hold someone's role, with its scope, for named days (a
 * Kent ADM on leave covered by a Medway ADM). The cover is an assignment of its own, dated within the covered
 * role's dates; every event made under it names both people (the request's roles say whom it is held for).
 */
export function delegateRole(ctx: ServiceContext, input: DelegateRoleInput): Promise<RoleAssignment> {
  const proposed = proposedCover();
  return createOne(ctx, ROLE_ASSIGNMENT, proposed, async (manager) => {
    const [fromId, toStaffId, reason] = checkInput(
      input,
      () => parseId('fromAssignmentId', input.fromAssignmentId),
      () => parseId('toStaffId', input.toStaffId),
      () => requireText('reason', input.reason),
      () => assertGrantDates(ctx.today, input.validFrom, input.validTo),
    );
    const from = await manager.findOneBy(RoleAssignmentRecord, { id: fromId });
    if (!from) throw notFound('RoleAssignment', fromId);
    if (from.delegatedFrom) throw badUserInput('fromAssignmentId', 'cover is for a role held in its own right, not for cover');
    const to = await activeStaffMember(manager, 'toStaffId', toStaffId);
    if (to.id === from.staffId) throw badUserInput('toStaffId', 'a role is covered by someone else');
    if (input.validFrom < from.validFrom || (from.validTo !== null && input.validTo > from.validTo)) {
      throw badUserInput('validTo', `cover falls within the covered role's dates (${from.validFrom} to ${from.validTo ?? 'open'})`);
    }
    const scope = { staffId: to.id, role: from.role, authority: from.authority, panelId: from.panelId };
    await assertSeparateDuties(manager, to.id, from.role, input.validFrom, input.validTo);
    await assertNoOverlap(manager, scope, input.validFrom, input.validTo);
    Object.assign(proposed, {
      ...scope,
      panelRole: from.panelRole,
      validFrom: input.validFrom,
      validTo: input.validTo,
      delegatedFrom: from.id,
      grantedBy: ctx.actor.staffId,
      reason,
    });
    return manager.save(proposed);
  });
}

@Resolver()
export class DelegateRoleStep {
  @Mutation(() => RoleAssignment, {
    description:
      'Access administrators: acting cover — a colleague holds a role and its scope for named days; what they do is logged on behalf of its holder.',
  })
  delegateRole(
    @Arg('input', () => DelegateRoleInput, { description: 'The role covered, who covers and for which days.' }) input: DelegateRoleInput,
    @Ctx() ctx: RequestContext,
  ) {
    return delegateRole(ctx, input);
  }
}
