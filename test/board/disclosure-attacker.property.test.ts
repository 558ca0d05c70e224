import fc from 'fast-check';
import { AUTHORITIES } from '../../src/authz/vocabulary';
import { CATEGORIES } from '../../src/board/board-queries';
import { CHARACTERISTICS, type Characteristic } from '../../src/board/board.types';
import { monthPeriod } from '../../src/board/months';
import { reportingPeriod } from '../../src/board/reporting-periods';
import { protectTimeliness } from '../../src/board/timeliness-disclosure';
import { protectWaiting } from '../../src/board/waiting-disclosure';
import {
  adoptionRows,
  attackTimeliness,
  attackWaiting,
  waitingRows,
  type AdoptedChild,
  type WaitingChild,
} from '../helpers/board-microdata';

/**
 * The board's attacker, played over random records: it gets every table the board can get about a day's children
 * waiting (the totals and all three breakdowns, per authority and for the partnership) and about a year's
 * adoptions (A1, A2, A3 and A10 for every quarter and the year), adds and subtracts them in every way at once
 * (linear algebra over the underlying groups of children), and fails on any count from 1 to 5, any average over
 * fewer than six children, or any small group all of whose children share a category that it can work out.
 */
const THRESHOLDS = { a1Days: 426, a2Days: 121, a10Days: null };
const RUNS = 100;

const category = fc.record(
  Object.fromEntries(CHARACTERISTICS.map((ch) => [ch, fc.nat(CATEGORIES[ch].length - 1)])) as Record<Characteristic, fc.Arbitrary<number>>,
);
/** Few children, so that small numbers are common: some authorities with none, one or a handful. */
const waitingChildren = fc.array(
  fc.record({ authority: fc.constantFrom(...AUTHORITIES), category, days: fc.integer({ min: 0, max: 3000 }) }),
  {
    maxLength: 45,
  },
);
const adoptedChildren = fc.array(
  fc.record({
    authority: fc.constantFrom(...AUTHORITIES),
    month: fc.nat(11),
    a1: fc.integer({ min: 0, max: 1500 }),
    a2: fc.integer({ min: 0, max: 900 }),
    a3: fc.boolean(),
    a10: fc.integer({ min: 0, max: 1500 }),
  }),
  { maxLength: 60 },
);

it('no count of children waiting from 1 to 5, and no average over fewer than six, can be worked out from all the tables of a day', () => {
  fc.assert(
    fc.property(waitingChildren, (children: WaitingChild[]) => {
      const shown = protectWaiting('2025-03-31', waitingRows(children));
      expect(attackWaiting(children, shown)).toEqual([]);
    }),
    { numRuns: RUNS },
  );
});

it('no A1, A2, A3 or A10 over fewer than six children can be worked out from every quarter and the year, per authority and for the partnership', () => {
  const { months, periods } = reportingPeriod(monthPeriod('2025-04', '2026-03')).year;
  fc.assert(
    fc.property(adoptedChildren, (children: AdoptedChild[]) => {
      const rows = adoptionRows(months, children);
      const shown = periods.map((p) => {
        const asked = reportingPeriod(monthPeriod(p.months[0]!, p.months.at(-1)!));
        return { months: p.months.map((m) => months.indexOf(m)), measures: protectTimeliness(asked.year, asked.id, rows, THRESHOLDS) };
      });
      expect(attackTimeliness(children, shown)).toEqual([]);
    }),
    { numRuns: RUNS },
  );
});
