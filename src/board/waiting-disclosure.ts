import { AUTHORITIES, type Authority } from '../authz/vocabulary';
import { CATEGORIES } from './board-queries';
import { CHARACTERISTICS, type Characteristic, type CharacteristicCount, type ChildrenWaiting } from './board.types';
import { suppress, type Cell, type Relation, type Secret } from './disclosure-control';
import { averageOf, tooFewToShow } from './small-numbers';
import { subsets } from './subsets';

/** What `board_waiting` returns: rows without a characteristic are an authority's children waiting and their days. */
export type WaitingCountRow = {
  characteristic: Characteristic | null;
  authority: Authority;
  category: string | null;
  children: number;
  daysWaiting: number | null;
};

export type ProtectedWaiting = { totals: ChildrenWaiting[]; breakdowns: Map<Characteristic, CharacteristicCount[]> };

const SCOPES: readonly (Authority | null)[] = [...AUTHORITIES, null];
const scopeKey = (scope: Authority | null) => scope ?? 'PARTNERSHIP';
const totalKey = (scope: Authority | null) => `children:${scopeKey(scope)}`;
const cellKey = (ch: Characteristic, scope: Authority | null, category: string) => `${ch}:${scopeKey(scope)}:${category}`;
const daysKey = (scope: Authority | null) => `days:${scopeKey(scope)}`;

/**
 * The children waiting on one day and every breakdown of them, with what would point at a child withheld: the
 * counts (the totals and the three breakdowns are one linked table, so the same cells are withheld whichever are
 * asked for) and the averages of days waiting. Decided per day, so every request about that day agrees.
 */
export function protectWaiting(day: string, rows: readonly WaitingCountRow[]): ProtectedWaiting {
  const count = new Map<string, number>();
  const days = new Map<string, number>();
  for (const r of rows) {
    for (const scope of [r.authority, null]) {
      const key = r.characteristic === null ? totalKey(scope) : cellKey(r.characteristic, scope, r.category!);
      count.set(key, (count.get(key) ?? 0) + r.children);
      if (r.characteristic === null) days.set(daysKey(scope), (days.get(daysKey(scope)) ?? 0) + (r.daysWaiting ?? 0));
    }
  }
  const n = (key: string) => count.get(key) ?? 0;

  const cells: Cell[] = [];
  const relations: Relation[] = [{ total: totalKey(null), parts: AUTHORITIES.map(totalKey) }];
  for (const scope of SCOPES) cells.push({ key: totalKey(scope), children: n(totalKey(scope)), primary: tooFewToShow(n(totalKey(scope))) });
  for (const ch of CHARACTERISTICS) {
    for (const scope of SCOPES) {
      for (const category of CATEGORIES[ch]) {
        const key = cellKey(ch, scope, category);
        cells.push({ key, children: n(key), primary: tooFewToShow(n(key)) });
      }
      relations.push({ total: totalKey(scope), parts: CATEGORIES[ch].map((c) => cellKey(ch, scope, c)) });
    }
    for (const category of CATEGORIES[ch]) {
      relations.push({ total: cellKey(ch, null, category), parts: AUTHORITIES.map((a) => cellKey(ch, a, category)) });
    }
  }
  const withheld = suppress({ cells, relations, secrets: countSecrets(n), tieBreak: day });

  const averagesWithheld = suppress({
    cells: SCOPES.map((scope) => {
      const children = n(totalKey(scope));
      const countWithheld = withheld.has(totalKey(scope));
      return { key: daysKey(scope), children, known: children === 0 && !countWithheld, primary: countWithheld || tooFewToShow(children) };
    }),
    relations: [{ total: daysKey(null), parts: AUTHORITIES.map(daysKey) }],
    secrets: subsets(AUTHORITIES).flatMap((authorities) => {
      const children = sumOver(authorities, (a) => n(totalKey(a)));
      return tooFewToShow(children) ? [{ children, terms: authorities.map((a) => [daysKey(a), 1] as const) }] : [];
    }),
    tieBreak: day,
  });

  const totals = SCOPES.map((authority) => {
    const children = n(totalKey(authority));
    const suppressed = withheld.has(totalKey(authority));
    const averageWithheld = averagesWithheld.has(daysKey(authority));
    return {
      authority,
      children: suppressed ? null : children,
      suppressed,
      averageDaysWaiting: averageWithheld ? null : averageOf(days.get(daysKey(authority)) ?? 0, children),
      averageWithheld,
    };
  });
  const breakdowns = new Map(
    CHARACTERISTICS.map((ch) => [
      ch,
      SCOPES.flatMap((authority) =>
        CATEGORIES[ch].map((category) => {
          const suppressed = withheld.has(cellKey(ch, authority, category));
          return { authority, category, count: suppressed ? null : n(cellKey(ch, authority, category)), suppressed };
        }),
      ),
    ]),
  );
  return { totals, breakdowns };
}

const sumOver = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((sum, item) => sum + value(item), 0);

/**
 * What no reader may work out about the children waiting: the count of any authorities' children in any
 * categories of a characteristic when it is from 1 to 5, and that all of 1 to 5 children share one category.
 */
function countSecrets(n: (key: string) => number): Secret[] {
  const secrets: Secret[] = [];
  for (const authorities of subsets(AUTHORITIES)) {
    const all = sumOver(authorities, (a) => n(totalKey(a)));
    const totals = authorities.map((a) => [totalKey(a), 1] as const);
    if (tooFewToShow(all)) secrets.push({ children: all, terms: totals });
    for (const ch of CHARACTERISTICS) {
      for (const categories of subsets(CATEGORIES[ch])) {
        const terms = authorities.flatMap((a) => categories.map((c) => [cellKey(ch, a, c), 1] as const));
        const children = sumOver(terms, ([key]) => n(key));
        if (tooFewToShow(children) && categories.length < CATEGORIES[ch].length) secrets.push({ children, terms });
        if (tooFewToShow(all) && categories.length === 1 && children === all) {
          secrets.push({ children, terms: [...totals, ...terms.map(([key]) => [key, -1] as const)] });
        }
      }
    }
  }
  return secrets;
}
