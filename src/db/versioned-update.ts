import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

type Versioned = ObjectLiteral & { id: string; version: number; updatedAt: Date };

/**
 * One UPDATE of the changed columns, bumping `version` and `updated_at`; the in-memory record takes
 * the changes and the database's new version and timestamp. The caller holds the row lock (findForAction).
 */
export async function updateVersioned<E extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  record: E,
  changes: Partial<E>,
): Promise<E> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(changes as never)
    .where('id = :id', { id: record.id })
    .returning(['version', 'updated_at'])
    .execute();
  const [row] = result.raw as { version: number; updated_at: Date }[];
  return Object.assign(record, changes, { version: row!.version, updatedAt: row!.updated_at });
}
