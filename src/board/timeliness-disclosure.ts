import { AUTHORITIES, type Authority } from '../authz/vocabulary';
import type { TimelinessThresholds } from './timeliness-thresholds';
import type { TimelinessMeasure } from './board.types';
import { suppress, type Cell, type LinkedTables, type Relation } from './disclosure-control';
import type { FinancialYear, PeriodId } from './reporting-periods';
import { averageOf, tooFewToShow } from './small-numbers';
import { subsets } from './subsets';

/** What `board_adoptions_by_month` returns: one authority's adoptions in one month and the days of their clocks. */
export type AdoptionsRow = {
  month: string;
  authority: Authority;
  adopted: number;
  a2Children: number;
  a2Days: number;
  a10Children: number;
  a10Days: number;
};

type Clock = 'a2' | 'a10';
type Sum = { adopted: number; a2Children: number; a2Days: number; a10Children: number; a10Days: number };
const SCOPES: readonly (Authority | null)[] = [...AUTHORITIES, null];
const key = (clock: Clock, scope: Authority | null, period: PeriodId) => `${clock}:${scope ?? 'PARTNERSHIP'}:${period}`;

/**
 * A2 and A10 for a quarter or a financial year, with the averages that would give a child's days withheld.
 * Sums over children add up across authorities and across the quarters of the year, so the averages of the whole
 * year (each period, each authority and the partnership) are decided together: an average over fewer than six
 * children is withheld, and then whichever others stop it, or any group's of fewer than six, being worked out.
 */
export function protectTimeliness(
  year: FinancialYear,
  period: PeriodId,
  rows: readonly AdoptionsRow[],
  thresholds: TimelinessThresholds,
): TimelinessMeasure[] {
  const sums = new Map<string, Sum>();
  const sumOf = (scope: Authority | null, p: PeriodId) =>
    sums.get(`${scope}:${p}`) ?? { adopted: 0, a2Children: 0, a2Days: 0, a10Children: 0, a10Days: 0 };
  for (const p of year.periods) {
    for (const r of rows.filter((row) => p.months.includes(row.month))) {
      for (const scope of [r.authority, null]) {
        const s = sumOf(scope, p.id);
        sums.set(`${scope}:${p.id}`, {
          adopted: s.adopted + r.adopted,
          a2Children: s.a2Children + r.a2Children,
          a2Days: s.a2Days + r.a2Days,
          a10Children: s.a10Children + r.a10Children,
          a10Days: s.a10Days + r.a10Days,
        });
      }
    }
  }
  const withheld = (clock: Clock) => suppress(clockTables(year, clock, (scope, p) => sumOf(scope, p)[`${clock}Children`]));
  const a2Withheld = withheld('a2');
  const a10Withheld = withheld('a10');

  return SCOPES.map((authority) => {
    const s = sumOf(authority, period);
    const a2 = a2Withheld.has(key('a2', authority, period)) ? null : averageOf(s.a2Days, s.a2Children);
    const a10 = a10Withheld.has(key('a10', authority, period)) ? null : averageOf(s.a10Days, s.a10Children);
    return {
      authority,
      childrenAdopted: s.adopted,
      a2AverageDays: a2,
      a10AverageDays: a10,
      a2Withheld: a2Withheld.has(key('a2', authority, period)),
      a10Withheld: a10Withheld.has(key('a10', authority, period)),
      a2ThresholdDays: thresholds.a2Days,
      a10ThresholdDays: thresholds.a10Days,
      a2WithinThreshold: a2 === null ? null : a2 <= thresholds.a2Days,
      a10WithinThreshold: a10 === null ? null : a10 <= thresholds.a10Days,
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
