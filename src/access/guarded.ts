import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Action, SubjectType } from '../authz/vocabulary';
import { paginate, type ConnectionArgs, type Page } from '../graphql/connection';
import type { ListOrder } from '../graphql/keyset';
import { parseId } from '../graphql/input-rules';
import { listOrder, type RequestedOrder } from './list-order';
import { assertCan, assertMayEver } from './refusals';
import { accessibleQuery, findForAction, findReadable } from './scoped-reads';
import type { ServiceContext } from './service-context';

type Row = ObjectLiteral & { id: string };

/**
 * A subject as services read and change it: its records' entity, and how a record leaves for the caller (through
 * the field guard, for a subject with field classes). The helpers below run the four access layers in their fixed
 * order around it — (1) may the role ever, FORBIDDEN; (2) which rows, in the SQL, NOT_FOUND; (3) may it act on this
 * one, FORBIDDEN with the rule's reason; (4) which fields, the field guard — so a service cannot skip one.
 */
export type GuardedSubject<E extends Row, V> = {
  subjectType: SubjectType;
  entity: EntityTarget<E>;
  alias: string;
  present: (ctx: ServiceContext, record: E) => V;
};

/**
 * (1), (2) and (4) for a page of a list; `narrow` adds the caller's filters to the policy's WHERE. The order is the
 * list's own, or one the caller asked for among the list's order fields (list-order.ts).
 */
export function readList<E extends Row, V, F extends string>(
  ctx: ServiceContext,
  subject: GuardedSubject<E, V>,
  args: ConnectionArgs,
  narrow: (query: SelectQueryBuilder<E>) => void = () => undefined,
  order?: ListOrder | RequestedOrder<F>,
): Promise<Page<V>> {
  const query = readableQuery(ctx, subject);
  narrow(query);
  const keys = order && 'fields' in order ? listOrder(ctx.ability, subject.subjectType, query, order) : order;
  return paginate(query, args, (record) => subject.present(ctx, record), keys);
}

/** (1) then the rows in reach, for reads that are not a page (a short list, a lookup by another key). */
export function readableQuery<E extends Row>(ctx: ServiceContext, subject: GuardedSubject<E, unknown>): SelectQueryBuilder<E> {
  assertMayEver(ctx.ability, 'read', subject.subjectType);
  return accessibleQuery(ctx.db.manager, ctx.ability, 'read', subject.subjectType, subject.entity, subject.alias);
}

/** (1), (2) and (4) for one record by id; `idField` names the argument in a BAD_USER_INPUT. */
export async function readOne<E extends Row, V>(
  ctx: ServiceContext,
  subject: GuardedSubject<E, V>,
  id: string,
  idField = 'id',
): Promise<V> {
  return subject.present(ctx, await findReadable(ctx.db.manager, ctx.ability, subject.subjectType, subject.entity, parseId(idField, id)));
}

/** Which record a change is about: its id (and the argument that gave it) and the version the caller last saw. */
export type ChangeTarget = { id: string; idField: string; version?: number | null };

/**
 * All four layers for a change of one record, in one unit: (1), (2), (3) and a stale version as CONFLICT, with the
 * row locked; then `change`; then (3) again on the changed record, so that a change cannot move a record out of the
 * actor's reach; then (4).
 */
export function actOnOne<E extends Row, V>(
  ctx: ServiceContext,
  action: Action,
  subject: GuardedSubject<E, V>,
  target: ChangeTarget,
  change: (record: E, manager: EntityManager) => Promise<E>,
): Promise<V> {
  return ctx.db.unit(async (manager) => {
    const record = await findForAction(action, {
      manager,
      ability: ctx.ability,
      subjectType: subject.subjectType,
      entity: subject.entity,
      id: parseId(target.idField, target.id),
      version: target.version,
    });
    const changed = await change(record, manager);
    assertCan(ctx.ability, action, changed);
    return subject.present(ctx, changed);
  });
}

/**
 * Creating a record, in one unit: (3) on the proposed record (its authority and whatever else the rules test), the
 * write, (3) again on what was written, then (4).
 */
export function createOne<E extends Row, V>(
  ctx: ServiceContext,
  subject: GuardedSubject<E, V>,
  proposed: E,
  write: (manager: EntityManager) => Promise<E>,
): Promise<V> {
  assertCan(ctx.ability, 'create', proposed);
  return ctx.db.unit(async (manager) => {
    const saved = await write(manager);
    assertCan(ctx.ability, 'create', saved);
    return subject.present(ctx, saved);
  });
}
