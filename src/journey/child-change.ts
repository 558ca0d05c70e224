import type { EntityManager } from 'typeorm';
import { assertCan } from '../access/refusals';
import { findForAction } from '../access/scoped-reads';
import { updateVersioned } from '../db/versioned-update';
import type { ServiceContext } from '../access/service-context';
import { parseId } from '../graphql/input-rules';
import { ChildRecord } from './child.entity';
import type { ChildChangeInput } from './child.inputs';
import type { Child } from './child.types';
import { presentChild } from './child.view';

export type ChildStep = (child: ChildRecord, manager: EntityManager) => Promise<Partial<ChildRecord>>;

/**
 * One step of a child's journey, all in one unit: find the child in the refusal order (FORBIDDEN,
 * NOT_FOUND, FORBIDDEN with a reason, then CONFLICT on a stale version) and lock it; run `step`, which
 * checks the legal order, writes its records and returns the child's new milestone columns; save the
 * child (bumping its version); check the ability again so a change cannot move the child out of reach.
 */
export function changeChild(
  ctx: ServiceContext,
  action: 'update' | 'record' | 'decide' | 'propose',
  input: ChildChangeInput,
  step: ChildStep,
): Promise<Child> {
  return ctx.db.unit(async (manager) => {
    const child = await findForAction(action, {
      manager,
      ability: ctx.ability,
      subjectType: 'Child',
      entity: ChildRecord,
      id: parseId('childId', input.childId),
      version: input.version,
    });
    const changes = await step(child, manager);
    const saved = await updateVersioned(manager, ChildRecord, child, changes);
    assertCan(ctx.ability, action, saved);
    return presentChild(ctx.ability, ctx.today, saved);
  });
}
