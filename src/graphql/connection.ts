import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hydratedRows } from '../db/hydrated';
import { graphqlEnum } from './enums';
import { badUserInput } from './errors';
import {
  at,
  beyond,
  decodeCursor,
  encodeCursor,
  orderName,
  type CursorValue,
  type Direction,
  type ListOrder,
  type SqlCondition,
  type SqlKey,
} from './keyset';
import { LimitExceeded } from './limit-exceeded';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const DIRECTIONS: readonly Direction[] = ['ASC', 'DESC'];
export const OrderDirectionEnum = graphqlEnum(DIRECTIONS, 'OrderDirection', "Which way a key of a list's order runs.", {
  ASC: 'Smallest, earliest or first in order first.',
  DESC: 'Largest, latest or last in order first.',
});

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first records after \`after\` (or from the start). At most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `The last records before \`before\` (or up to the end), instead of \`first\`. At most ${MAX_PAGE_SIZE}.`,
  })
  last?: number;

  @Field(() => String, { nullable: true, description: 'The startCursor of the next page, paging backward.' })
  before?: string;
}

type Answer = () => Promise<boolean>;

@ObjectType({ description: 'Where a page lies in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'The cursor of the first record of the page; null when it is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last record of the page; null when it is empty.' })
  endCursor!: string | null;

  nextPage!: Answer;
  previousPage!: Answer;

  @Field(() => Boolean, { description: 'Whether records follow the page: exact in either direction.' })
  hasNextPage(): Promise<boolean> {
    return this.nextPage();
  }

  @Field(() => Boolean, { description: 'Whether records precede the page: exact in either direction.' })
  hasPreviousPage(): Promise<boolean> {
    return this.previousPage();
  }
}

export type Page<V> = {
  edges: { cursor: string; node: V }[];
  pageInfo: Pick<PageInfo, 'startCursor' | 'endCursor' | 'nextPage' | 'previousPage'>;
  /** Counted only when the client selects totalCount. */
  countTotal: () => Promise<number>;
};

/**
 * A Relay connection type for `Node`, with a lazily computed totalCount. An `extendable` one is the base of a
 * connection class with fields of its own, which takes the name (the base, never referenced, is not in the schema).
 */
export function ConnectionType<V extends object>(Node: ClassType<V>, name: string, { extendable = false } = {}) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque: pass as after (or before) to read on from this record.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${name}.` })
    node!: V;
  }

  @ObjectType(`${name}Connection${extendable ? 'Base' : ''}`, { description: `A page of the ${name} records you may see.` })
  class Connection {
    @Field(() => [Edge], { description: 'The page’s records, in the list’s order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where the page lies in its list, and whether records come before or after it.' })
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'Every record of the list the caller may see, not only this page.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return Connection;
}

/** The default order: creation time (with millisecond precision in the database), oldest first, then the id. */
export const CREATION_ORDER: ListOrder = [{ property: 'createdAt', direction: 'ASC' }];

/** The page size asked for, and which way: `first` from the start or `after`, or `last` back from the end or `before`. */
function pageSizeOf(args: ConnectionArgs): { size: number; forward: boolean } {
  if (args.first != null && args.last != null) {
    throw badUserInput('last', 'is not allowed with first: page forward with first and after, or backward with last and before');
  }
  const forward = args.last == null;
  const field = forward ? 'first' : 'last';
  return { size: checkedPageSize((forward ? args.first : args.last) ?? DEFAULT_PAGE_SIZE, field), forward };
}

/** A page size within the limit: over it is PAGE_SIZE_EXCEEDED, a negative or fractional one bad input on `field`. */
export function checkedPageSize(size: number, field: 'first' | 'last'): number {
  if (size > MAX_PAGE_SIZE) throw new LimitExceeded('pageSize', MAX_PAGE_SIZE, size);
  if (!Number.isInteger(size) || size < 0) throw badUserInput(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  return size;
}

const asCursorValue = (value: unknown): CursorValue => (value instanceof Date ? value.toISOString() : (value as CursorValue));
const flip = (key: SqlKey): SqlKey => ({ ...key, direction: key.direction === 'ASC' ? 'DESC' : 'ASC' });

/** A row of a keyset page, with the values of its order's keys (the id's apart) that its cursor carries. */
export type KeyedRow<R> = { row: R; values: CursorValue[]; id: string };

/**
 * What a keyset page is read from: the list its cursors name, its order (as cursors name it) and the order's keys as
 * SQL — the last one the id, which places every row once — and how to read it: the rows that meet `conditions`, in
 * the order of `reading` (with where nulls go), at most `limit`; whether any row meets a condition; how many rows it
 * holds. Every condition is the list's own WHERE and more: a page, its probes and its count see the same rows.
 */
export type KeysetSource<R> = {
  list: string;
  order: string;
  keys: SqlKey[];
  read(conditions: SqlCondition[], reading: OrderedKey[], limit: number): Promise<KeyedRow<R>[]>;
  exists(condition: SqlCondition): Promise<boolean>;
  count(): Promise<number>;
};

/** A key as an ORDER BY reads it: its SQL, its direction, and where its nulls go when it may be null. */
export type OrderedKey = { sql: string; direction: Direction; nulls?: 'NULLS FIRST' | 'NULLS LAST' };

/**
 * One page by keyset, stable under inserts, never repeating or skipping. Backward, the page is read in the reverse
 * order and turned round. Whether records lie beyond the page's far side is read from the page itself; whether any lie
 * beyond the cursor it started from is asked only when selected.
 */
export async function keysetPage<R, V>(source: KeysetSource<R>, args: ConnectionArgs, present: (row: R) => V): Promise<Page<V>> {
  const { size, forward } = pageSizeOf(args);
  const { list, order, keys } = source;
  const place = (field: 'after' | 'before', cursor: string) => decodeCursor(field, list, order, keys.length - 1, cursor);
  const after = args.after ? place('after', args.after) : null;
  const before = args.before ? place('before', args.before) : null;

  /** Whether the list holds a record at or beyond the place a page started from, on the side away from the page. */
  const beyondStart = (side: 'later' | 'earlier', start: { values: CursorValue[]; id: string } | null): Answer => {
    if (!start) return async () => false;
    return async () => {
      const past = beyond(side, keys, start, 'probe_');
      const there = at(keys, start, 'probe_at_');
      return source.exists({ sql: `(${past.sql} OR (${there.sql}))`, params: { ...past.params, ...there.params } });
    };
  };
  const conditions: SqlCondition[] = [];
  if (after) conditions.push(beyond('later', keys, after, 'after_'));
  if (before) conditions.push(beyond('earlier', keys, before, 'before_'));
  // Nulls come last in the list's own order; a key never null keeps the default, which an index in either direction serves.
  const reading = (forward ? keys : keys.map(flip)).map(({ sql, direction, nullable }) => ({
    sql,
    direction,
    nulls: nullable ? (forward ? 'NULLS LAST' : 'NULLS FIRST') : undefined,
  })) satisfies OrderedKey[];
  const rows = await source.read(conditions, reading, size + 1);
  const pageRows = forward ? rows.slice(0, size) : rows.slice(0, size).reverse();
  const edges = pageRows.map(({ row, values, id }) => ({
    cursor: encodeCursor(list, order, values.map(asCursorValue), id),
    node: present(row),
  }));
  const beyondPage = async () => rows.length > size;
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      nextPage: forward ? beyondPage : beyondStart('later', before),
      previousPage: forward ? beyondStart('earlier', after) : beyondPage,
    },
    countTotal: () => source.count(),
  };
}

/**
 * One page of a list of entities — in `order`, by default creation time then id — by keyset. `query` already holds
 * the policy's WHERE, so the page and the total see the same rows.
 */
export function paginate<E extends ObjectLiteral & { id: string }, V>(
  query: SelectQueryBuilder<E>,
  args: ConnectionArgs,
  present: (record: E) => V,
  order: ListOrder = CREATION_ORDER,
): Promise<Page<V>> {
  const alias = query.alias;
  const { metadata } = query.expressionMap.mainAlias!;
  const keys: SqlKey[] = order.map(({ property, direction, expression, params }) => {
    if (params) query.setParameters(params);
    const column = metadata.findColumnWithPropertyName(property)!;
    return expression
      ? { sql: expression, nullable: true, direction }
      : { sql: `"${alias}"."${column.databaseName}"`, nullable: column.isNullable, direction };
  });
  keys.push({ sql: `"${alias}"."id"`, nullable: false, direction: order.at(-1)!.direction });
  const base = query.clone();
  const filtered = (conditions: SqlCondition[]) => {
    const narrowed = base.clone();
    for (const { sql, params } of conditions) narrowed.andWhere(sql, params);
    return narrowed;
  };
  return keysetPage(
    {
      list: metadata.tableName,
      order: orderName(order),
      keys,
      read: async (conditions, reading, limit) => {
        const page = filtered(conditions);
        keys.forEach((key, i) => page.addSelect(key.sql, `cursor_key_${i}`));
        reading.forEach(({ direction, nulls }, i) =>
          i === 0 ? page.orderBy(`cursor_key_${i}`, direction, nulls) : page.addOrderBy(`cursor_key_${i}`, direction, nulls),
        );
        const rows = await hydratedRows(page.limit(limit));
        return rows.map(({ entity, raw }) => ({
          row: entity,
          values: order.map((_, i) => raw[`cursor_key_${i}`] as CursorValue),
          id: entity.id,
        }));
      },
      exists: async (condition) => (await filtered([condition]).select('1').limit(1).getRawMany()).length > 0,
      // A list's query joins nothing (relations load through loaders): COUNT(*) counts its records, without
      // the DISTINCT of getCount().
      count: async () => Number((await base.clone().select('COUNT(*)', 'total').getRawOne<{ total: string }>())!.total),
    },
    args,
    present,
  );
}
