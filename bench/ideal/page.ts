import { encodeCursor, orderName, type ListOrder } from '../../src/graphql/keyset';

/** The API's Relay page of a table in `order`: the same cursors and pageInfo, from `first + 1` rows. */
export function page<R, N>(
  table: string,
  order: ListOrder,
  rows: R[],
  first: number,
  keyOf: (row: R) => { values: (string | Date)[]; id: string },
  node: (row: R) => N,
) {
  const edges = rows.slice(0, first).map((row) => {
    const { values, id } = keyOf(row);
    const cursorValues = values.map((v) => (v instanceof Date ? v.toISOString() : v));
    return { cursor: encodeCursor(table, orderName(order), cursorValues, id), node: node(row) };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Whole years from `dateOfBirth` to `today` (both YYYY-MM-DD), as the API counts them. */
export function ageInYears(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
