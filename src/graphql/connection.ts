import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
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
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: V;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
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

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { at, id };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw badUserInput('after', 'is not a cursor of this list');
}

/**
 * One page in (createdAt, id) order, by keyset: stable under inserts, never repeating or skipping.
 * `query` already holds the policy's WHERE, so the page and the total see the same rows.
 */
export async function paginate<E extends ObjectLiteral & { id: string; createdAt: Date }, V>(
  query: SelectQueryBuilder<E>,
  args: ConnectionArgs,
  present: (record: E) => V,
): Promise<Page<V>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const alias = query.alias;
  const countQuery = query.clone();
  if (args.after) {
    const { at, id } = decodeCursor(args.after);
    query.andWhere(`("${alias}"."created_at", "${alias}"."id") > (:cursorAt, :cursorId)`, { cursorAt: at, cursorId: id });
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(first + 1)
    .getMany();
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(row.createdAt, row.id), node: present(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: () => countQuery.getCount(),
  };
}
