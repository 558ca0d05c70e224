import { badUserInput } from './errors';

export type Direction = 'ASC' | 'DESC';

/**
 * One key of a list's order: an entity property, read as its column or as an SQL expression — a value within the
 * column, or a value the caller may read on some records only, null where it is hidden, so that a hidden value never
 * places a record. `name` names the key in cursors when the property alone does not (two values within one column).
 */
export type OrderKey = { property: string; direction: Direction; expression?: string; params?: Record<string, unknown>; name?: string };

/** A list's order: its keys, then the id (in the last key's direction), so that every record has one place. */
export type ListOrder = readonly OrderKey[];

/** A key as SQL: its expression, whether it may be null (nulls come last, either direction) and its direction. */
export type SqlKey = { sql: string; nullable: boolean; direction: Direction };

export type CursorValue = string | number | boolean | null;
type Place = { values: CursorValue[]; id: string };

/** The order a cursor was made in, as it names it: a cursor is good only for the order it was made in. */
export function orderName(order: ListOrder): string {
  return order.map((key) => `${key.name ?? key.property} ${key.direction}`).join(',');
}

/** A cursor names its list (the table it pages through), its order, and its place: the keys' values and the id. */
export function encodeCursor(list: string, order: string, values: CursorValue[], id: string): string {
  return Buffer.from(JSON.stringify([list, order, values, id])).toString('base64url');
}

const SCALAR = new Set(['string', 'number', 'boolean']);

/** The place a cursor of `list` in `order` names; anything else — garbage, forged, another list's or order's — is refused. */
export function decodeCursor(field: string, list: string, order: string, keys: number, cursor: string): Place {
  try {
    const [of, by, values, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      of === list &&
      by === order &&
      Array.isArray(values) &&
      values.length === keys &&
      values.every((v) => v === null || SCALAR.has(typeof v)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{1,36}$/.test(id)
    ) {
      return { values, id };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw badUserInput(field, 'is not a cursor of this list in this order');
}

export type SqlCondition = { sql: string; params: Record<string, unknown> };

/** A place's values (the id's last), each given to SQL as a parameter named from `prefix`. */
function placeValues(place: Place, prefix: string) {
  const values = [...place.values, place.id];
  const params: Record<string, unknown> = {};
  const param = (i: number) => {
    params[`${prefix}${i}`] = values[i];
    return `:${prefix}${i}`;
  };
  /** The key holding the place's value `i` (null: none). */
  const same = (k: SqlKey, i: number) => (values[i] === null ? `${k.sql} IS NULL` : `${k.sql} = ${param(i)}`);
  return { values, params, param, same };
}

/** The records at a place in the order: every key, the id's too, holds the place's value. */
export function at(keys: SqlKey[], place: Place, prefix: string): SqlCondition {
  const { params, same } = placeValues(place, prefix);
  return { sql: keys.map(same).join(' AND '), params };
}

/**
 * The records after (`later`) or before (`earlier`) a place in the order: the first key that differs decides.
 * Keys that are never null and run one way compare as one row value, which an index on them serves.
 */
export function beyond(side: 'later' | 'earlier', keys: SqlKey[], place: Place, prefix: string): SqlCondition {
  const { values, params, param, same } = placeValues(place, prefix);
  const ascending = (direction: Direction) => (direction === 'ASC') === (side === 'later');
  if (keys.every((k) => !k.nullable && k.direction === keys[0]!.direction)) {
    const row = (items: string[]) => `(${items.join(', ')})`;
    const sql = `${row(keys.map((k) => k.sql))} ${ascending(keys[0]!.direction) ? '>' : '<'} ${row(keys.map((_, i) => param(i)))}`;
    return { sql, params };
  }
  const past = (k: SqlKey, i: number): string => {
    const nullsPast = side === 'later' && k.nullable;
    if (values[i] === null) return side === 'later' || !k.nullable ? 'FALSE' : `${k.sql} IS NOT NULL`;
    const comparison = `${k.sql} ${ascending(k.direction) ? '>' : '<'} ${param(i)}`;
    return nullsPast ? `(${comparison} OR ${k.sql} IS NULL)` : comparison;
  };
  const branches = keys.map((k, i) => [...keys.slice(0, i).map(same), past(k, i)].join(' AND '));
  return { sql: `(${branches.map((b) => `(${b})`).join(' OR ')})`, params };
}
