import type { TestApi } from './test-api';

type Send = ReturnType<TestApi['as']>;
type PageOf = {
  edges: { node: { id: string } }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
};

/**
 * Every record of a list, read a page of `size` at a time — forward with first/after, or backward with last/before
 * from the end — as a screen pages: the ids in the list's order. `operation` takes $first, $after, $last and $before,
 * and asks `list` for its edges' node ids and its pageInfo.
 */
export async function readWholeList(
  send: Send,
  operation: string,
  list: string,
  variables: Record<string, unknown>,
  { backward = false, size = 3 } = {},
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const paging = backward ? { last: size, before: cursor } : { first: size, after: cursor };
    const { data, errors } = await send(operation, { ...variables, ...paging });
    expect(errors).toBeUndefined();
    const { edges, pageInfo } = data![list] as PageOf;
    const ids = edges.map((e) => e.node.id);
    if (backward) seen.unshift(...ids);
    else seen.push(...ids);
    if (!(backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage)) return seen;
    cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
  }
}
