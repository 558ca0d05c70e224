import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { actOnOne } from '../../access/guarded';
import { assertMayEver } from '../../access/refusals';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput } from '../../graphql/errors';
import { checkInput, optionalText } from '../../graphql/input-rules';
import { RoleAssignmentRecord } from '../role-assignment.entity';
import { EndRoleInput, RoleAssignment } from '../staff.types';
import { ROLE_ASSIGNMENT } from '../staff.view';

/** The access administrator ends a role: it holds until `endsOn` (today or later) and grants nothing after it. */
export function endRole(ctx: ServiceContext, input: EndRoleInput): Promise<RoleAssignment> {
  // Before the lookup, which Row-Level Security leaves empty for a role that may never change an assignment.
  const { action, subject } = MUTATION_ACCESS.endRole;
  assertMayEver(ctx.ability, action, subject);
  return actOnOne(ctx, action, ROLE_ASSIGNMENT, { id: input.assignmentId, idField: 'assignmentId' }, async (assignment, manager) => {
    const { endsOn } = input;
    checkInput(input, () => {
      if (endsOn < ctx.today) throw badUserInput('endsOn', 'a role ends today or later: its past days stand');
    });
    if (endsOn < assignment.validFrom) throw badUserInput('endsOn', 'must not be before the role starts');
    if (assignment.validTo !== null && endsOn > assignment.validTo) throw badUserInput('endsOn', 'the role already ends before that day');
    const changes = { validTo: endsOn, endReason: optionalText(input.reason) };
    await manager.update(RoleAssignmentRecord, { id: assignment.id }, changes);
    return Object.assign(assignment, changes);
  });
}

@Resolver()
export class EndRoleStep {
  @Mutation(() => RoleAssignment, { description: 'Access administrators: a role holds until endsOn and grants nothing after it.' })
  endRole(
    @Arg('input', () => EndRoleInput, { description: 'The assignment and its last day.' }) input: EndRoleInput,
    @Ctx() ctx: RequestContext,
  ) {
    return endRole(ctx, input);
  }
}
