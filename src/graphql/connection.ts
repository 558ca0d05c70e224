import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hydrated } from '../db/hydrated';
import { badUserInput } from './errors';
import { LimitExceeded } from './limit-exceeded';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

@ObjectType({ description: 'Where a page ends, and whether another follows (paging is forward only).' })
export class PageInfo {
  @Field({ description: 'Whether a next page follows: ask for it with after: endCursor.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the page’s last record; null on an empty page.' })
  endCursor!: string | null;
}

export type Page<V> = {
  edges: { cursor: string; node: V }[];
  pageInfo: PageInfo;
  /** Counted only when the client selects totalCount. */
  countTotal: () => Promise<number>;
};

/** A Relay connection type for `Node`, with a lazily computed totalCount. */
export function ConnectionType<V extends object>(Node: ClassType<V>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque: pass as after to read on from this record.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${name}.` })
    node!: V;
  }

  @ObjectType(`${name}Connection`, { description: `A page of the ${name} records you may see.` })
  class Connection {
    @Field(() => [Edge], { description: 'The page’s records, in the list’s order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where the page ends, and whether another follows.' })
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'Every record of the list the caller may see, not only this page.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return Connection;
}

type Cursor = { at: string; id: string };

/** A cursor names its list (the table it pages through) and its place in it. */
export function encodeCursor(list: string, instant: Date, id: string): string {
  return Buffer.from(JSON.stringify([list, instant.toISOString(), id])).toString('base64url');
}

/** The place a cursor of `list` names; anything else — garbage, forged, or another list's — is refused. */
function decodeCursor(list: string, cursor: string): Cursor {
  try {
    const [of, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (of === list && typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^[0-9a-f-]{1,36}$/.test(id)) {
      return { at, id };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw badUserInput('after', 'is not a cursor of this list');
}

/** The keyset a list pages by: an instant property (with millisecond precision in the database) then the id. */
export type KeysetOrder = { instant: string; direction: 'ASC' | 'DESC' };
const CREATION_ORDER: KeysetOrder = { instant: 'createdAt', direction: 'ASC' };

/**
 * One page by keyset — by default creation time then id — stable under inserts, never repeating or
 * skipping. `query` already holds the policy's WHERE, so the page and the total see the same rows.
 */
export async function paginate<E extends ObjectLiteral & { id: string }, V>(
  query: SelectQueryBuilder<E>,
  args: ConnectionArgs,
  present: (record: E) => V,
  order: KeysetOrder = CREATION_ORDER,
): Promise<Page<V>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first > MAX_PAGE_SIZE) throw new LimitExceeded('pageSize', MAX_PAGE_SIZE, first);
  if (!Number.isInteger(first) || first < 0) throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  const alias = query.alias;
  const { metadata } = query.expressionMap.mainAlias!;
  const column = metadata.findColumnWithPropertyName(order.instant)!.databaseName;
  const countQuery = query.clone();
  if (args.after) {
    const { at, id } = decodeCursor(metadata.tableName, args.after);
    const comparison = order.direction === 'ASC' ? '>' : '<';
    query.andWhere(`("${alias}"."${column}", "${alias}"."id") ${comparison} (:cursorAt, :cursorId)`, { cursorAt: at, cursorId: id });
  }
  const rows = await hydrated(
    query
      .orderBy(`${alias}.${order.instant}`, order.direction)
      .addOrderBy(`${alias}.id`, order.direction)
      .limit(first + 1),
  );
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor(metadata.tableName, row[order.instant] as Date, row.id),
    node: present(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    // A list's query joins nothing (relations load through loaders): COUNT(*) counts its records, without
    // the DISTINCT of getCount().
    countTotal: async () => Number((await countQuery.select('COUNT(*)', 'total').getRawOne<{ total: string }>())!.total),
  };
}
