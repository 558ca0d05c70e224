import type { EntityManager } from 'typeorm';
import { findForAction } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { parseId } from '../graphql/input-rules';
import { HouseholdRecord } from './household.entity';

/**
 * A household named by the caller in a step of the journey, looked up (and locked) under their read
 * policy: one out of their reach is NOT_FOUND, exactly like a missing one.
 */
export function householdNamedBy(ctx: ServiceContext, manager: EntityManager, id: string, field = 'householdId'): Promise<HouseholdRecord> {
  return findForAction('read', {
    manager,
    ability: ctx.ability,
    subjectType: 'Household',
    entity: HouseholdRecord,
    id: parseId(field, id),
  });
}
