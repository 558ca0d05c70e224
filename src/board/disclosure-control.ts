import { createHash } from 'node:crypto';
import { spanOf } from './linear-span';
import { SMALLEST_COUNT_SHOWN } from './small-numbers';

/**
 * Statistical disclosure control for the board's tables, as official statistics practise it: primary
 * suppression of the cells that are too small, then secondary suppression until no secret (a small group's
 * count, days or shared category) can be worked out from what is shown. "Worked out" is by any linear combination
 * of the tables' sums (totals against breakdowns, authority rows against the partnership row, quarters against
 * the year), not only by one subtraction, and the cells of every table a request could get are decided together,
 * so that no combination of requests shows more than one does.
 */

/** One number the board could be shown: a count of children, or the days summed over them behind an average. */
export type Cell = {
  key: string;
  /** The children it is about; withholding the cell about fewest costs the reader least. */
  children: number;
  /** Withheld for itself: a count from 1 to 5, or an average over fewer than six children. */
  primary: boolean;
  /** Known whatever is withheld (days over no children, when that count is shown): never withheld. */
  known?: boolean;
};

/** A published sum: the total is the sum of the parts. */
export type Relation = { total: string; parts: readonly string[] };

/**
 * A combination of cells (each with a sign) that no reader may work out: the count of a group of 1 to 5 children,
 * the days of fewer than six, or (the count of a small group less the count of its children in one category,
 * when that is 0) that every child of a small group shares a category.
 */
export type Secret = { terms: readonly (readonly [key: string, sign: number])[]; children: number };

export type LinkedTables = {
  cells: readonly Cell[];
  relations: readonly Relation[];
  secrets: readonly Secret[];
  /** Decides ties between equally cheap cells, so that which zero is withheld beside a small count is not a pattern. */
  tieBreak: string;
};

/**
 * The keys of the cells to withhold: the primary ones, then, one at a time, the cheapest that could protect the
 * first secret found exposed, until none is; then each of those added is shown again if no secret is exposed
 * without it.
 */
export function suppress(tables: LinkedTables): Set<string> {
  const byKey = new Map(tables.cells.map((c) => [c.key, c]));
  const withheld = new Set(tables.cells.filter((c) => c.primary && !c.known).map((c) => c.key));
  const order = new Map(tables.cells.map((c) => [c.key, createHash('sha256').update(`${tables.tieBreak}\u0000${c.key}`).digest('hex')]));
  const byCost = (a: Cell, b: Cell) => a.children - b.children || (order.get(a.key)! < order.get(b.key)! ? -1 : 1);
  const open = (keys: Iterable<string>) =>
    [...new Set(keys)].filter((k) => !withheld.has(k) && !byKey.get(k)!.known).map((k) => byKey.get(k)!);

  const added: string[] = [];
  for (let secret = exposed(tables, withheld); secret; secret = exposed(tables, withheld)) {
    const keys = new Set(secret.terms.map(([key]) => key));
    const touching = tables.relations
      .filter((r) => keys.has(r.total) || r.parts.some((p) => keys.has(p)))
      .flatMap((r) => [r.total, ...r.parts]);
    const choices = open([...keys, ...touching]).sort(byCost);
    const choice =
      choices.find((c) => c.children >= SMALLEST_COUNT_SHOWN - secret.children) ??
      choices[0] ??
      open(tables.cells.map((c) => c.key)).sort(byCost)[0];
    if (!choice) break;
    withheld.add(choice.key);
    added.push(choice.key);
  }
  for (const key of added.reverse()) {
    withheld.delete(key);
    if (exposed(tables, withheld)) withheld.add(key);
  }
  return withheld;
}

/** The first secret that the shown cells and the sums between them give, or null. */
function exposed(tables: LinkedTables, withheld: Set<string>): Secret | null {
  const unknowns = [...withheld];
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const over = (terms: readonly (readonly [string, number])[]) => {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const [key, sign] of terms) if (column.has(key)) row[column.get(key)!]! += sign;
    return row;
  };
  const worksOut = spanOf(tables.relations.map((r) => over([[r.total, -1], ...r.parts.map((p) => [p, 1] as const)])));
  return tables.secrets.find((s) => worksOut(over(s.terms))) ?? null;
}
