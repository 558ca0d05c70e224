import { spanOf } from '../../src/board/linear-span';

/**
 * The board's attacker, modelled on the records themselves rather than on the API's tables: every number the board
 * is shown is a sum over the underlying groups of children (authority × age band × ethnicity × disability for the
 * children waiting; authority × month for the adoptions), so anything a reader can work out by adding and
 * subtracting what they were shown, across every table and every request, is in the span of those sums.
 */
export class Attacker {
  private readonly shown: number[][] = [];

  constructor(private readonly groups: number) {}

  /** A number the board was shown: the sum over these groups. */
  sees(groups: readonly number[]): void {
    this.shown.push(this.vector(groups.map((g) => [g, 1])));
  }

  /** Of the sums given (each a label and its groups, or a signed combination of groups), those the shown numbers give. */
  derives(secrets: readonly { label: string; terms: readonly (readonly [group: number, sign: number])[] }[]): string[] {
    const known = spanOf(this.shown.length > 0 ? this.shown : [new Array<number>(this.groups).fill(0)]);
    return secrets.filter((s) => known(this.vector(s.terms))).map((s) => s.label);
  }

  private vector(terms: readonly (readonly [number, number])[]): number[] {
    const v = new Array<number>(this.groups).fill(0);
    for (const [group, sign] of terms) v[group]! += sign;
    return v;
  }
}
