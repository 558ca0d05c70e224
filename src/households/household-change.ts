import type { EntityManager } from 'typeorm';
import type { ServiceContext } from '../access/service-context';
import { householdNamedBy } from './household-lookup';
import type { HouseholdRecord } from './household.entity';
import type { HouseholdChangeInput } from './household.inputs';
import type { Household } from './household.types';
import { presentHousehold } from './household.view';

/**
 * One step on a household, all in one unit: find the household in the refusal order (FORBIDDEN, NOT_FOUND,
 * FORBIDDEN with a reason, then CONFLICT on a stale version) and lock it; run `step`, which checks the rules,
 * moves the household along its journey and returns it as saved.
 */
export function changeHousehold(
  ctx: ServiceContext,
  action: 'update' | 'approve',
  input: HouseholdChangeInput,
  step: (household: HouseholdRecord, manager: EntityManager) => Promise<HouseholdRecord>,
): Promise<Household> {
  return ctx.db.unit(async (manager) => {
    const household = await householdNamedBy(ctx, manager, input.householdId, { action, version: input.version });
    return presentHousehold(ctx.ability, ctx.today, await step(household, manager));
  });
}
