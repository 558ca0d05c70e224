import type { EntityManager } from 'typeorm';
import { findForAction } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import type { Action } from '../authz/vocabulary';
import { parseId } from '../graphql/input-rules';
import { HouseholdRecord } from './household.entity';

/**
 * A household named by the caller in a step of the journey, looked up (and locked) under their read
 * policy: one out of their reach is NOT_FOUND, exactly like a missing one. A step on the household itself
 * names its `action` and the `version` the caller saw (a stale one is CONFLICT).
 */
export function householdNamedBy(
  ctx: ServiceContext,
  manager: EntityManager,
  id: string,
  { action = 'read', version }: { action?: Action; version?: number | null } = {},
): Promise<HouseholdRecord> {
  return findForAction(action, {
    manager,
    ability: ctx.ability,
    subjectType: 'Household',
    entity: HouseholdRecord,
    id: parseId('householdId', id),
    version,
  });
}
