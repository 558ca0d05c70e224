import type { EntityManager } from 'typeorm';
import { actOnOne } from '../access/guarded';
import { updateVersioned } from '../db/versioned-update';
import type { ServiceContext } from '../access/service-context';
import { ChildRecord } from './child.entity';
import type { ChildChangeInput } from './child.inputs';
import type { Child } from './child.types';
import { CHILD } from './child.view';

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
  const target = { id: input.childId, idField: 'childId', version: input.version };
  return actOnOne(ctx, action, CHILD, target, async (child, manager) =>
    updateVersioned(manager, ChildRecord, child, await step(child, manager)),
  );
}
