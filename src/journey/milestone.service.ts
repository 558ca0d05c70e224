import { IsNull } from 'typeorm';
import type { ServiceContext } from '../access/service-context';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, parseId, requireText } from '../graphql/input-rules';
import { releaseHousehold, stepActorOf } from '../households/household-moves';
import { moveMatch } from './match-status';
import { ChildDecisionRecord } from './child-decision.entity';
import { RoleAssignmentRecord } from '../staff/role-assignment.entity';
import { StaffRecord } from '../staff/staff.entity';
import { AllocationRecord } from './allocation.entity';
import { changeChild } from './child-change';
import { stageAfter } from './child-stage';
import type {
  AllocateFamilyFinderInput,
  RecordAdoptionOrderInput,
  RecordPlacementOrderInput,
  RecordPlanChangeInput,
} from './child.inputs';
import type { Child } from './child.types';
import { journeyOf } from './journey-records';
import { addDays } from '../common/clock';
import { ADOPTION_ORDER_MIN_DAYS, RULES } from './legal-order';
import { PlacementOrderRecord } from './placement-order.entity';

/** The PPM lead's milestones on a child: allocation, authority to place, adoption order, plan change. */
export class MilestoneService {
  constructor(private readonly ctx: ServiceContext) {}

  allocateFamilyFinder(input: AllocateFamilyFinderInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      const journey = journeyOf(manager, child.id);
      const plan = await journey.requirePlan('allocatedOn', RULES.allocationAfterPlan);
      this.assertDate('allocatedOn', input.allocatedOn, plan.decidedOn, RULES.allocationAfterPlan);
      const familyFinderId = parseId('familyFinderId', input.familyFinderId);
      const isFamilyFinder = await manager
        .createQueryBuilder(StaffRecord, 's')
        .innerJoin(RoleAssignmentRecord, 'a', 'a.staff_id = s.id AND a.role = :role', { role: 'FAMILY_FINDER' })
        .where('s.id = :familyFinderId AND s.active', { familyFinderId })
        .getExists();
      if (!isFamilyFinder) throw badUserInput('familyFinderId', 'is not an active family finder');
      const current = await journey.liveAllocation();
      if (current?.familyFinderId === familyFinderId) throw conflict('This family finder is already allocated to the child');
      if (current) await manager.update(AllocationRecord, { id: current.id }, { endedOn: input.allocatedOn });
      await manager.insert(AllocationRecord, {
        childId: child.id,
        authority: child.authority,
        familyFinderId,
        allocatedOn: input.allocatedOn,
        allocatedBy: this.ctx.actor.staffId,
      });
      return {};
    });
  }

  recordPlacementOrder(input: RecordPlacementOrderInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      const journey = journeyOf(manager, child.id);
      const plan = await journey.requirePlan('grantedOn', RULES.planBeforeOrder);
      this.assertDate('grantedOn', input.grantedOn, plan.decidedOn, RULES.orderAfterPlan);
      if (await journey.authorityToPlace()) throw conflict('Authority to place is already recorded for this child');
      await manager.insert(PlacementOrderRecord, {
        childId: child.id,
        authority: child.authority,
        basis: input.basis ?? 'PLACEMENT_ORDER',
        grantedOn: input.grantedOn,
        recordedBy: this.ctx.actor.staffId,
      });
      return { placementOrderGrantedOn: input.grantedOn, stage: stageAfter(child.stage, 'AUTHORITY_TO_PLACE') };
    });
  }

  recordAdoptionOrder(input: RecordAdoptionOrderInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      if (child.adoptionOrderGrantedOn) throw conflict('An adoption order is already recorded for this child');
      const placement = await journeyOf(manager, child.id).livePlacement();
      if (child.stage !== 'PLACED' || !placement || placement.kind !== 'ADOPTIVE') {
        throw badUserInput('grantedOn', RULES.adoptionNeedsPlacement);
      }
      this.assertDate('grantedOn', input.grantedOn, addDays(placement.placedOn, ADOPTION_ORDER_MIN_DAYS), RULES.adoptionTenWeeks);
      if (placement.matchId) await moveMatch(manager, stepActorOf(this.ctx), 'record', placement.matchId, 'ADOPTED');
      // Family finding is over: the finder's access to the adopted child ends with it.
      await manager.update(AllocationRecord, { childId: child.id, endedOn: IsNull() }, { endedOn: input.grantedOn });
      return { stage: 'ADOPTED', adoptionOrderGrantedOn: input.grantedOn };
    });
  }

  /** Adoption is no longer the plan: the plan decision is rescinded, family finding and open links end. */
  recordPlanChange(input: RecordPlanChangeInput): Promise<Child> {
    return changeChild(this.ctx, 'record', input, async (child, manager) => {
      if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
      if (child.stage === 'PLAN_CHANGED') throw conflict('The plan change is already recorded');
      const journey = journeyOf(manager, child.id);
      if (await journey.livePlacement()) throw badUserInput('changedOn', RULES.planChangeWhilePlaced);
      this.assertDate('changedOn', input.changedOn, child.enteredCareOn, 'a plan changes on or after the child entered care');
      const reason = requireText('reason', input.reason);
      const on = input.changedOn;
      await manager.update(ChildDecisionRecord, { childId: child.id, kind: 'ADOPTION_PLAN', rescindedOn: IsNull() }, { rescindedOn: on });
      await manager.update(AllocationRecord, { childId: child.id, endedOn: IsNull() }, { endedOn: on });
      const open = await journey.openMatch();
      if (open) {
        await moveMatch(manager, stepActorOf(this.ctx), 'record', open.id, 'WITHDRAWN');
        const move = { by: 'PLAN_CHANGE', on, field: 'childId' } as const;
        await releaseHousehold(manager, open.householdId, ['MATCHED'], move, stepActorOf(this.ctx), 'the child’s plan changed');
      }
      return { stage: 'PLAN_CHANGED', planChangedOn: on, planChangeReason: reason };
    });
  }

  private assertDate(field: string, date: string, earliest: string, rule: string): void {
    assertRecordedDate(field, date, this.ctx.today, earliest, rule);
  }
}
