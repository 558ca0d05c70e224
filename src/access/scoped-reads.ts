import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { conflict, notFound } from '../graphql/errors';
import { hydrated } from '../db/hydrated';
import type { AppAbility } from '../authz/ability';
import { accessibleWhere } from './casl-to-sql';
import { assertCan, assertMayEver } from './refusals';
import type { Action, SubjectType } from '../authz/vocabulary';

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

/**
 * One record by id, for reading: (1) FORBIDDEN if the role may never read the subject, (2) NOT_FOUND if it
 * is missing or out of reach — the lookup carries the read policy, so the two cannot be told apart.
 */
export async function findReadable<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  ability: AppAbility,
  subjectType: SubjectType,
  entity: EntityTarget<E>,
  id: string,
): Promise<E> {
  assertMayEver(ability, 'read', subjectType);
  const [record] = await hydrated(
    accessibleQuery(manager, ability, 'read', subjectType, entity, 'target').andWhere('target.id = :targetId', { targetId: id }),
  );
  if (!record) throw notFound(subjectType, id);
  return record;
}

/** Rebuilds a request's ability from the assignments and facts as they stand now, inside a write's transaction. */
export type AbilityRefresh = (manager: EntityManager) => Promise<AppAbility>;

const refreshes = new WeakMap<AppAbility, AbilityRefresh>();

/**
 * Ties to a request's ability the way to rebuild it. A request's ability is decided as it starts; a write
 * (findForAction) rebuilds it after locking its row, so an allocation, an agenda window or an assignment
 * that ended meanwhile no longer grants the change.
 */
export function refreshableAbility(ability: AppAbility, refresh: AbilityRefresh): AppAbility {
  refreshes.set(ability, refresh);
  return ability;
}

export type TargetOf<E> = {
  manager: EntityManager;
  ability: AppAbility;
  subjectType: SubjectType;
  entity: EntityTarget<E>;
  id: string;
  /** The version the caller last saw; a different one is a CONFLICT. */
  version?: number | null;
};

/**
 * The record a change is about, found in the refusal order (docs/api-contract.md, "Refusal order"): (1)
 * FORBIDDEN if the role may never read the subject; (2) NOT_FOUND if it is missing or out of reach (the
 * lookup carries the read policy); (3) FORBIDDEN with a reason if the action is refused on this record.
 * Then a stale `version` is a CONFLICT. The row is locked until the request's transaction ends, so
 * concurrent changes to one record are applied one after the other; once it is locked, the actor's
 * assignments and facts are read again and (2) and (3) decided on them.
 */
export async function findForAction<E extends ObjectLiteral & { id: string }>(
  action: Action,
  { manager, ability, subjectType, entity, id, version }: TargetOf<E>,
): Promise<E> {
  assertMayEver(ability, 'read', subjectType);
  const record = await accessibleQuery(manager, ability, 'read', subjectType, entity, 'target')
    .andWhere('target.id = :targetId', { targetId: id })
    .setLock('pessimistic_write')
    .getOne();
  if (!record) throw notFound(subjectType, id);
  const refresh = refreshes.get(ability);
  const current = refresh ? await refresh(manager) : ability;
  if (!current.can('read', record)) throw notFound(subjectType, id);
  assertCan(current, action, record);
  if (version != null && 'version' in record && record.version !== version) {
    throw conflict('STALE_VERSION', `${subjectType} ${id} has changed since version ${version} (now ${record.version}): reload and retry`);
  }
  return record;
}
