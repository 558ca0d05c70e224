/** Every non-empty subset of `items`, in a fixed order: the groups a reader could add up (Bexley and Medway; April–September). */
export function subsets<T>(items: readonly T[]): T[][] {
  return Array.from({ length: 2 ** items.length - 1 }, (_, mask) => items.filter((__, i) => ((mask + 1) >> i) & 1));
}
