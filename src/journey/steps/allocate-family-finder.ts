import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput, conflict } from '../../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, parseId } from '../../graphql/input-rules';
import { RoleAssignmentRecord } from '../../staff/role-assignment.entity';
import { StaffRecord } from '../../staff/staff.entity';
import { AllocationRecord } from '../allocation.entity';
import { changeChild } from '../child-change';
import type { ChildDecisionRecord } from '../child-decision.entity';
import { AllocateFamilyFinderInput } from '../child.inputs';
import { Child } from '../child.types';
import { journeyOf, type Journey } from '../journey-records';
import { RULES } from '../legal-order';

/**
 * The journey's rule for allocating a family finder: adoption is the child's plan. Returns the plan. The step runs
 * it, and so does `viewerCan.allocateFamilyFinder`.
 */
export function familyFinderAllocationDue(journey: Journey): Promise<ChildDecisionRecord> {
  return journey.requirePlan('allocatedOn', RULES.allocationAfterPlan);
}

export function allocateFamilyFinder(ctx: ServiceContext, input: AllocateFamilyFinderInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.allocateFamilyFinder.action, input, async (child, manager) => {
    const [familyFinderId] = checkInput(
      input,
      () => parseId('familyFinderId', input.familyFinderId),
      () => assertNotFuture('allocatedOn', input.allocatedOn, ctx.today),
    );
    const journey = journeyOf(manager, child.id);
    const plan = await familyFinderAllocationDue(journey);
    assertOnOrAfter('allocatedOn', input.allocatedOn, plan.decidedOn, RULES.allocationAfterPlan);
    const isFamilyFinder = await manager
      .createQueryBuilder(StaffRecord, 's')
      .innerJoin(RoleAssignmentRecord, 'a', 'a.staff_id = s.id AND a.role = :role', { role: 'FAMILY_FINDER' })
      .where('s.id = :familyFinderId AND s.active', { familyFinderId })
      .getExists();
    if (!isFamilyFinder) throw badUserInput('familyFinderId', 'is not an active family finder');
    const current = await journey.liveAllocation();
    if (current?.familyFinderId === familyFinderId)
      throw conflict('ALREADY_RECORDED', 'This family finder is already allocated to the child');
    if (current) await manager.update(AllocationRecord, { id: current.id }, { endedOn: input.allocatedOn });
    await manager.insert(AllocationRecord, {
      childId: child.id,
      authority: child.authority,
      familyFinderId,
      allocatedOn: input.allocatedOn,
      allocatedBy: ctx.actor.staffId,
    });
    return {};
  });
}

@Resolver()
export class AllocateFamilyFinderStep {
  @Mutation(() => Child, { description: 'A PPM lead allocates a family finder (ending any earlier allocation).' })
  allocateFamilyFinder(
    @Arg('input', () => AllocateFamilyFinderInput, { description: 'The child, the family finder and the day of the allocation.' })
    input: AllocateFamilyFinderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return allocateFamilyFinder(ctx, input);
  }
}
