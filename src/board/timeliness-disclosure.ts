import { AUTHORITIES, type Authority } from '../authz/vocabulary';
import type { TimelinessThresholds } from './timeliness-thresholds';
import type { TimelinessMeasure } from './board.types';
import { suppress, type Cell, type LinkedTables, type Relation } from './disclosure-control';
import type { FinancialYear, PeriodId } from './reporting-periods';
import { averageOf, tooFewToShow } from './small-numbers';
import { subsets } from './subsets';

/** What `board_adoptions_by_month` returns: one authority's adoptions in one month, the days of their clocks, and A3. */
export type AdoptionsRow = {
  month: string;
  authority: Authority;
  adopted: number;
  a1Children: number;
  a1Days: number;
  a2Children: number;
  a2Days: number;
  /** Of the a1Children, those placed for adoption within 14 months of entering care. */
  a3Children: number;
  a10Children: number;
  a10Days: number;
};

type Clock = 'a1' | 'a2' | 'a10';
const CLOCKS: readonly Clock[] = ['a1', 'a2', 'a10'];
type Sum = Omit<AdoptionsRow, 'month' | 'authority'>;
const NONE: Sum = { adopted: 0, a1Children: 0, a1Days: 0, a2Children: 0, a2Days: 0, a3Children: 0, a10Children: 0, a10Days: 0 };
const SCOPES: readonly (Authority | null)[] = [...AUTHORITIES, null];
const key = (clock: Clock, scope: Authority | null, period: PeriodId) => `${clock}:${scope ?? 'PARTNERSHIP'}:${period}`;
const within = (value: number | null, threshold: number | null) => (value === null || threshold === null ? null : value <= threshold);

/**
 * A1, A2, A3 and A10 for a quarter or a financial year, with what would give a child's days withheld.
 * Sums over children add up across authorities and across the quarters of the year, so the averages of the whole
 * year (each period, each authority and the partnership) are decided together: an average over fewer than six
 * children is withheld, and then whichever others stop it, or any group's of fewer than six, being worked out.
 * A3 counts A1's children and adds up as A1's days do, so withholding the same cells protects it too.
 */
export function protectTimeliness(
  year: FinancialYear,
  period: PeriodId,
  rows: readonly AdoptionsRow[],
  thresholds: TimelinessThresholds,
): TimelinessMeasure[] {
  const sums = new Map<string, Sum>();
  const sumOf = (scope: Authority | null, p: PeriodId) => sums.get(`${scope}:${p}`) ?? NONE;
  for (const p of year.periods) {
    for (const { month: _m, authority, ...r } of rows.filter((row) => p.months.includes(row.month))) {
      for (const scope of [authority, null]) {
        const s = sumOf(scope, p.id);
        sums.set(`${scope}:${p.id}`, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v + r[k as keyof Sum]])) as Sum);
      }
    }
  }
  const withheld = new Map(
    CLOCKS.map((clock) => [clock, suppress(clockTables(year, clock, (scope, p) => sumOf(scope, p)[`${clock}Children`]))]),
  );
  const measure = (clock: Clock, scope: Authority | null) => {
    const s = sumOf(scope, period);
    const hidden = withheld.get(clock)!.has(key(clock, scope, period));
    return { hidden, average: hidden ? null : averageOf(s[`${clock}Days`], s[`${clock}Children`]) };
  };

  return SCOPES.map((authority) => {
    const s = sumOf(authority, period);
    const [a1, a2, a10] = [measure('a1', authority), measure('a2', authority), measure('a10', authority)];
    const a3Shown = !a1.hidden && s.a1Children > 0;
    return {
      authority,
      childrenAdopted: s.adopted,
      a1AverageDays: a1.average,
      a1Withheld: a1.hidden,
      a1ThresholdDays: thresholds.a1Days,
      a1WithinThreshold: within(a1.average, thresholds.a1Days),
      a2AverageDays: a2.average,
      a2Withheld: a2.hidden,
      a2ThresholdDays: thresholds.a2Days,
      a2WithinThreshold: within(a2.average, thresholds.a2Days),
      a3Children: a1.hidden ? null : s.a3Children,
      a3Percent: a3Shown ? Math.round((s.a3Children / s.a1Children) * 1000) / 10 : null,
      a3Withheld: a1.hidden,
      a10AverageDays: a10.average,
      a10Withheld: a10.hidden,
      a10ThresholdDays: thresholds.a10Days,
      a10WithinThreshold: within(a10.average, thresholds.a10Days),
    };
  });
}

/**
 * One clock's sums of days over a year: every scope × period, how they add up, and the secrets: the days of any
 * authorities over any quarters that are about 1 to 5 children.
 */
function clockTables(year: FinancialYear, clock: Clock, children: (scope: Authority | null, period: PeriodId) => number): LinkedTables {
  const quarters = year.periods.filter((p) => p.id !== 'FY').map((p) => p.id);
  const cells: Cell[] = SCOPES.flatMap((scope) =>
    year.periods.map((p) => {
      const n = children(scope, p.id);
      return { key: key(clock, scope, p.id), children: n, known: n === 0, primary: tooFewToShow(n) };
    }),
  );
  const relations: Relation[] = [
    ...SCOPES.map((scope) => ({ total: key(clock, scope, 'FY'), parts: quarters.map((q) => key(clock, scope, q)) })),
    ...year.periods.map((p) => ({ total: key(clock, null, p.id), parts: AUTHORITIES.map((a) => key(clock, a, p.id)) })),
  ];
  const secrets = subsets(AUTHORITIES).flatMap((authorities) =>
    subsets(quarters).flatMap((qs) => {
      const n = authorities.reduce((sum, a) => sum + qs.reduce((m, q) => m + children(a, q), 0), 0);
      return tooFewToShow(n) ? [{ children: n, terms: authorities.flatMap((a) => qs.map((q) => [key(clock, a, q), 1] as const)) }] : [];
    }),
  );
  return { cells, relations, secrets, tieBreak: year.firstDay };
}
