import { AUTHORITIES, type Authority } from '../../src/authz/vocabulary';
import { CATEGORIES } from '../../src/board/board-queries';
import {
  CHARACTERISTICS,
  type Characteristic,
  type ChildrenWaiting,
  type CharacteristicCount,
  type TimelinessMeasure,
} from '../../src/board/board.types';
import { subsets } from '../../src/board/subsets';
import type { AdoptionsRow } from '../../src/board/timeliness-disclosure';
import type { WaitingCountRow } from '../../src/board/waiting-disclosure';
import { Attacker } from './disclosure-attacker';
import type { TestApi } from './test-api';

/**
 * Children as the board's statements see them, and the attacker's view of what the board was shown about them:
 * the ground truth the disclosure tests generate, count and attack.
 */
export type WaitingChild = { authority: Authority; category: Record<Characteristic, number>; days: number };
/** An adopted child: the days of each clock, and whether A3 counts them (placed within 14 months of entering care). */
export type AdoptedChild = { authority: Authority; month: number; a1: number; a2: number; a3: boolean; a10: number };

const scopeAuthorities = (scope: Authority | null) => (scope === null ? AUTHORITIES : [scope]);
const inScope = (scope: Authority | null, authority: Authority) => scope === null || scope === authority;
const SIZES = CHARACTERISTICS.map((ch) => CATEGORIES[ch].length);
const WAITING_GROUPS = AUTHORITIES.length * SIZES.reduce((a, b) => a * b, 1);

/** What `board_waiting` returns for these children. */
export function waitingRows(children: readonly WaitingChild[]): WaitingCountRow[] {
  const rows = new Map<string, WaitingCountRow>();
  const add = (characteristic: Characteristic | null, authority: Authority, category: string | null, days: number | null) => {
    const key = `${characteristic}:${authority}:${category}`;
    const row = rows.get(key) ?? { characteristic, authority, category, children: 0, daysWaiting: days === null ? null : 0 };
    rows.set(key, { ...row, children: row.children + 1, daysWaiting: days === null ? null : row.daysWaiting! + days });
  };
  for (const c of children) {
    add(null, c.authority, null, c.days);
    for (const ch of CHARACTERISTICS) add(ch, c.authority, CATEGORIES[ch][c.category[ch]]!, null);
  }
  return [...rows.values()];
}

type Secret = { label: string; terms: (readonly [number, number])[] };
const isSmall = (n: number) => n >= 1 && n <= 5;

const AUTHORITY_SETS = subsets(AUTHORITIES);
const scopeName = (authorities: readonly Authority[]) =>
  authorities.length === AUTHORITIES.length ? 'partnership' : authorities.join('+');

const allGroupsWhere = (match: (authority: Authority, category: Record<Characteristic, number>) => boolean) => {
  const groups: number[] = [];
  for (let g = 0; g < WAITING_GROUPS; g += 1) {
    let rest = g;
    const category = {} as Record<Characteristic, number>;
    for (let i = CHARACTERISTICS.length - 1; i >= 0; i -= 1) {
      category[CHARACTERISTICS[i]!] = rest % SIZES[i]!;
      rest = Math.floor(rest / SIZES[i]!);
    }
    if (match(AUTHORITIES[rest]!, category)) groups.push(g);
  }
  return groups;
};
const asTerms = (groups: readonly number[], sign = 1) => groups.map((g) => [g, sign] as const);

/**
 * What can be worked out about the children waiting from every table the board was shown about them (the totals
 * and each breakdown): the count of any group of authorities × categories when it is from 1 to 5, that all of a
 * small group's children share one category, or the days waiting of fewer than six children.
 */
export function attackWaiting(
  children: readonly WaitingChild[],
  shown: { totals: readonly ChildrenWaiting[]; breakdowns: ReadonlyMap<Characteristic, readonly CharacteristicCount[]> },
): string[] {
  const counts = new Attacker(WAITING_GROUPS);
  for (const t of shown.totals) if (!t.suppressed) counts.sees(allGroupsWhere((a) => inScope(t.authority, a)));
  for (const [ch, cells] of shown.breakdowns) {
    for (const cell of cells) {
      const index = CATEGORIES[ch].indexOf(cell.category as never);
      if (!cell.suppressed) counts.sees(allGroupsWhere((a, category) => inScope(cell.authority, a) && category[ch] === index));
    }
  }
  const secrets: Secret[] = [];
  for (const authorities of AUTHORITY_SETS) {
    const theirs = children.filter((c) => authorities.includes(c.authority));
    const all = allGroupsWhere((a) => authorities.includes(a));
    for (const ch of CHARACTERISTICS) {
      for (const categories of subsets(CATEGORIES[ch].map((_, i) => i))) {
        const n = theirs.filter((c) => categories.includes(c.category[ch])).length;
        const label = `${n} waiting, ${scopeName(authorities)}, ${ch} ${categories.map((i) => CATEGORIES[ch][i]).join('+')}`;
        const groups = allGroupsWhere((a, category) => authorities.includes(a) && categories.includes(category[ch]));
        if (isSmall(n)) secrets.push({ label, terms: asTerms(groups) });
        if (isSmall(theirs.length) && categories.length === 1 && n === theirs.length) {
          secrets.push({ label: `all ${label}`, terms: [...asTerms(all), ...asTerms(groups, -1)] });
        }
      }
    }
  }
  const days = new Attacker(AUTHORITIES.length);
  for (const t of shown.totals) if (!t.averageWithheld) days.sees(scopeAuthorities(t.authority).map((a) => AUTHORITIES.indexOf(a)));
  const daySecrets = AUTHORITY_SETS.flatMap((authorities) => {
    const n = children.filter((c) => authorities.includes(c.authority)).length;
    return isSmall(n)
      ? [{ label: `days waiting of ${n}, ${scopeName(authorities)}`, terms: asTerms(authorities.map((a) => AUTHORITIES.indexOf(a))) }]
      : [];
  });
  return [...counts.derives(secrets), ...days.derives(daySecrets)];
}

/** What `board_adoptions_by_month` returns for these children, adopted in the year's months (0 is April). */
export function adoptionRows(months: readonly string[], children: readonly AdoptedChild[]): AdoptionsRow[] {
  const rows = new Map<string, AdoptionsRow>();
  for (const c of children) {
    const key = `${c.month}:${c.authority}`;
    const row = rows.get(key) ?? {
      month: months[c.month]!,
      authority: c.authority,
      adopted: 0,
      a1Children: 0,
      a1Days: 0,
      a2Children: 0,
      a2Days: 0,
      a3Children: 0,
      a10Children: 0,
      a10Days: 0,
    };
    rows.set(key, {
      ...row,
      adopted: row.adopted + 1,
      a1Children: row.a1Children + 1,
      a1Days: row.a1Days + c.a1,
      a3Children: row.a3Children + (c.a3 ? 1 : 0),
      a2Children: row.a2Children + 1,
      a2Days: row.a2Days + c.a2,
      a10Children: row.a10Children + 1,
      a10Days: row.a10Days + c.a10,
    });
  }
  return [...rows.values()];
}

/** Months a reader may add up: any within a quarter, and any run of whole quarters (0 is April). */
const MONTH_SETS = [
  ...[0, 1, 2, 3].flatMap((q) => subsets([0, 1, 2].map((m) => q * 3 + m))),
  ...subsets([0, 1, 2, 3])
    .filter((qs) => qs.length > 1)
    .map((qs) => qs.flatMap((q) => [q * 3, q * 3 + 1, q * 3 + 2])),
];

/**
 * What can be worked out about the adoptions of a year from A1, A2, A3 and A10 as shown for every quarter and the
 * year (`shown`: each period's months, 0 is April, and its measures): the days, or A3's count, of fewer than six
 * children of any authorities over any months.
 */
export function attackTimeliness(
  children: readonly AdoptedChild[],
  shown: readonly { months: readonly number[]; measures: readonly TimelinessMeasure[] }[],
): string[] {
  const group = (authority: Authority, month: number) => AUTHORITIES.indexOf(authority) * 12 + month;
  const groupsOf = (authorities: readonly Authority[], months: readonly number[]) =>
    authorities.flatMap((a) => months.map((m) => group(a, m)));
  return (['a1', 'a2', 'a3', 'a10'] as const).flatMap((clock) => {
    const attacker = new Attacker(AUTHORITIES.length * 12);
    for (const { months, measures } of shown) {
      for (const m of measures) if (!m[`${clock}Withheld`]) attacker.sees(groupsOf(scopeAuthorities(m.authority), months));
    }
    const secrets = AUTHORITY_SETS.flatMap((authorities) =>
      MONTH_SETS.flatMap((months) => {
        const n = children.filter((c) => authorities.includes(c.authority) && months.includes(c.month)).length;
        const label = `${clock} of ${n}, ${scopeName(authorities)}, months ${months.join(',')}`;
        return isSmall(n) ? [{ label, terms: asTerms(groupsOf(authorities, months)) }] : [];
      }),
    );
    return attacker.derives(secrets);
  });
}

export type WaitingTables = { totals: ChildrenWaiting[]; breakdowns: Map<Characteristic, CharacteristicCount[]> };

/** Every table the board can get about the children waiting at the end of `month`: the totals and each breakdown. */
export async function askWaitingTables(api: TestApi, username: string, month: string): Promise<WaitingTables> {
  const { data, errors } = await api.as(username)(`{ boardPerformance(from: "${month}", to: "${month}") {
    childrenWaiting { authority children suppressed averageDaysWaiting averageWithheld }
    ${CHARACTERISTICS.map((ch) => `${ch}: childrenWaitingBy(characteristic: ${ch}) { authority category count suppressed }`).join('\n')}
  } }`);
  if (errors) throw new Error(`the board's tables were refused: ${errors[0]!.message}`);
  const result = data!.boardPerformance as Record<string, unknown>;
  return {
    totals: result.childrenWaiting as ChildrenWaiting[],
    breakdowns: new Map(CHARACTERISTICS.map((ch) => [ch, result[ch] as CharacteristicCount[]])),
  };
}
