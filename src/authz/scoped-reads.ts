import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppAbility } from './ability';
import { accessibleWhere } from './casl-to-sql';
import type { Action, SubjectType } from './vocabulary';

/**
 * A query over the rows of `entity` the actor may take `action` on: the policy is in the WHERE,
 * so lists, counts and single lookups never see a row out of reach (never fetch-then-check).
 */
export function accessibleQuery<E extends ObjectLiteral>(
  manager: EntityManager,
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  entity: EntityTarget<E>,
  alias: string,
): SelectQueryBuilder<E> {
  const metadata = manager.connection.getMetadata(entity);
  const { sql, params } = accessibleWhere(ability, action, subjectType, metadata, alias);
  return manager.createQueryBuilder(entity, alias).where(sql, params);
}
