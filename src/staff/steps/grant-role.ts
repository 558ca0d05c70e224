import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { createOne } from '../../access/guarded';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { ROLE_SCOPE } from '../../authz/role-holding';
import type { Authority, Role } from '../../authz/vocabulary';
import { badUserInput } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { PanelRecord } from '../../panels/panel.entity';
import { activeStaffMember, assertGrantDates, assertNoOverlap, assertSeparateDuties } from '../assignment-rules';
import { RoleAssignmentRecord } from '../role-assignment.entity';
import { GrantRoleInput, RoleAssignment } from '../staff.types';
import { ROLE_ASSIGNMENT } from '../staff.view';

/**
 * The grant as the step proposes it to the policy: held for `authority` (null: partnership-wide), of `role`.
 * `viewerCanCreate.grantRole` asks on it for an authority, whatever the role.
 */
export const proposedGrant = (authority: Authority | null, role?: Role): RoleAssignmentRecord =>
  Object.assign(new RoleAssignmentRecord(), { role, authority });

/**
 * The access administrator grants a role for dates, from today or later: it holds from its first day to its last
 * (none: until ended), and never twice in one scope on one day. The grant names who made it and why.
 */
export function grantRole(ctx: ServiceContext, input: GrantRoleInput): Promise<RoleAssignment> {
  const proposed = proposedGrant(input.authority ?? null, input.role);
  return createOne(ctx, ROLE_ASSIGNMENT, proposed, async (manager) => {
    const scope = ROLE_SCOPE[input.role];
    const [named, panelId, reason] = checkInput(
      input,
      () => parseId('staffId', input.staffId),
      () => {
        if ((scope === 'PANEL') !== Boolean(input.panelId && input.panelRole)) {
          throw badUserInput(
            'panelId',
            scope === 'PANEL' ? 'a panel member names the panel and their place on it' : 'only a panel member names a panel',
          );
        }
        return input.panelId ? parseId('panelId', input.panelId) : null;
      },
      () => requireText('reason', input.reason),
      () => {
        if (scope === 'AUTHORITY' && !input.authority) throw badUserInput('authority', `${input.role} is held for one authority`);
        if ((scope === 'PARTNERSHIP' || scope === 'PANEL') && input.authority)
          throw badUserInput('authority', `${input.role} is held partnership-wide`);
      },
      () => assertGrantDates(ctx.today, input.validFrom, input.validTo ?? null),
    );
    const { id: staffId } = await activeStaffMember(manager, 'staffId', named);
    if (panelId && !(await manager.existsBy(PanelRecord, { id: panelId }))) throw badUserInput('panelId', 'no such panel');
    await assertSeparateDuties(manager, staffId, input.role, input.validFrom, input.validTo ?? null);
    await assertNoOverlap(
      manager,
      { staffId, role: input.role, authority: input.authority ?? null, panelId },
      input.validFrom,
      input.validTo ?? null,
    );
    Object.assign(proposed, {
      staffId,
      panelId,
      panelRole: input.panelRole ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      grantedBy: ctx.actor.staffId,
      reason,
    });
    return manager.save(proposed);
  });
}

@Resolver()
export class GrantRoleStep {
  @Mutation(() => RoleAssignment, { description: 'Access administrators: a role for a member of staff, for dates from today or later.' })
  grantRole(
    @Arg('input', () => GrantRoleInput, { description: 'The member of staff, the role, its scope and its dates.' }) input: GrantRoleInput,
    @Ctx() ctx: RequestContext,
  ) {
    return grantRole(ctx, input);
  }
}
