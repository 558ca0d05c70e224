import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A row a step changes although the caller named another record (the child of a match, the household of a
 * placement), read and locked until the request's transaction ends. It must exist: foreign keys hold it.
 */
export function lockedById<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
): Promise<E> {
  return manager.findOneOrFail(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
}
