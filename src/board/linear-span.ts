/**
 * What a set of linear equations pins down. The board's tables are sums of sums, so "can this withheld
 * number be worked out from the published ones?" is "is it in the span of what is published?".
 * Coefficients are small integers and the systems a few hundred wide, so floating point with a tolerance is exact
 * enough; each row is scaled so that its pivot is 1.
 */
const EPSILON = 1e-9;

/** The reduced row echelon form of `rows` (each of the same width), without its zero rows. */
export function reducedRows(rows: readonly (readonly number[])[]): number[][] {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col += 1) {
    const pivot = m.findIndex((r, i) => i >= rank && Math.abs(r[col]!) > EPSILON);
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    const lead = m[rank]!;
    const scale = lead[col]!;
    for (let j = col; j < width; j += 1) lead[j]! /= scale;
    for (let i = 0; i < m.length; i += 1) {
      const factor = m[i]![col]!;
      if (i === rank || Math.abs(factor) <= EPSILON) continue;
      const row = m[i]!;
      for (let j = col; j < width; j += 1) row[j]! -= factor * lead[j]!;
    }
    rank += 1;
  }
  return m.slice(0, rank);
}

/** A test of whether a vector is a linear combination of `rows`: whether knowing every row's value tells its value. */
export function spanOf(rows: readonly (readonly number[])[]): (vector: readonly number[]) => boolean {
  const basis = reducedRows(rows).map((row) => ({ row, pivot: row.findIndex((v) => Math.abs(v) > EPSILON) }));
  return (vector) => {
    const rest = [...vector];
    for (const { row, pivot } of basis) {
      const factor = rest[pivot]!;
      if (Math.abs(factor) > EPSILON) for (let j = pivot; j < rest.length; j += 1) rest[j]! -= factor * row[j]!;
    }
    return rest.every((v) => Math.abs(v) <= EPSILON);
  };
}
