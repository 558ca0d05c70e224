import { encodeCursor } from '../../src/graphql/connection';

/** The API's Relay page of a table: the same cursors and pageInfo, from `first + 1` rows. */
export function page<R, N>(table: string, rows: R[], first: number, keyOf: (row: R) => { at: Date; id: string }, node: (row: R) => N) {
  const edges = rows.slice(0, first).map((row) => {
    const { at, id } = keyOf(row);
    return { cursor: encodeCursor(table, at, id), node: node(row) };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Whole years from `dateOfBirth` to `today` (both YYYY-MM-DD), as the API counts them. */
export function ageInYears(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
