import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { actOnOne } from '../../access/guarded';
import { assertMayEver } from '../../access/refusals';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { checkInput, requireText } from '../../graphql/input-rules';
import { StaffRecord } from '../staff.entity';
import { DeactivateStaffMemberInput, StaffMember } from '../staff.types';
import { STAFF_MEMBER } from '../staff.view';

/**
 * The access administrator deactivates a leaver: from this request on they cannot sign in, whatever roles they
 * hold; nothing is deleted, and the day and the reason are kept. The member is found in the directory (their row
 * locked), and the change written to their account.
 */
export function deactivateStaffMember(ctx: ServiceContext, input: DeactivateStaffMemberInput): Promise<StaffMember> {
  // Before the lookup, which Row-Level Security leaves empty for a role that may never change a member of staff.
  const { action, subject } = MUTATION_ACCESS.deactivateStaffMember;
  assertMayEver(ctx.ability, action, subject);
  return actOnOne(ctx, action, STAFF_MEMBER, { id: input.staffId, idField: 'staffId' }, async (staff, manager) => {
    const [reason] = checkInput(
      input,
      () => requireText('reason', input.reason),
      () => {
        if (staff.id === ctx.actor.staffId) throw badUserInput('staffId', 'another access administrator deactivates you');
      },
    );
    if (!staff.active) throw conflict('ALREADY_RECORDED', 'This member of staff is already deactivated');
    const deactivation = { active: false, deactivatedOn: ctx.today };
    await manager.update(StaffRecord, { id: staff.id }, { ...deactivation, deactivationReason: reason });
    return Object.assign(staff, deactivation);
  });
}

@Resolver()
export class DeactivateStaffMemberStep {
  @Mutation(() => StaffMember, { description: 'Access administrators: a leaver cannot sign in from now on; nothing is deleted.' })
  deactivateStaffMember(
    @Arg('input', () => DeactivateStaffMemberInput, { description: 'The member of staff and why.' }) input: DeactivateStaffMemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deactivateStaffMember(ctx, input);
  }
}
