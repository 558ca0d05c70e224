import DataLoader from 'dataloader';
import { assertMayEver } from '../authz/refusals';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';
import type { TimelinessThresholds } from '../config';
import type { ServiceContext } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import {
  CATEGORIES,
  CHILDREN_WAITING,
  MONTHLY_BY_AUTHORITY,
  MONTHLY_PARTNERSHIP,
  POOLED_BUDGET,
  TIMELINESS,
  WAITING_BY_CHARACTERISTICS,
} from './board-queries';
import type {
  AuthorityMonth,
  BoardPerformance,
  Characteristic,
  CharacteristicCount,
  ChildrenWaiting,
  PartnershipMonth,
  PooledBudgetYear,
  TimelinessMeasure,
} from './board.types';
import { monthPeriod, type MonthPeriod } from './months';

type ByScope = { authority: Authority | null };
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * The Executive Board's view: aggregates only, all three authorities side by side. Each dataset is one
 * statement (the breakdowns by characteristic, one for all of them), run only when asked for; nothing here
 * can return a row of a child or a household.
 */
export class BoardService {
  private readonly breakdowns = new Map<string, DataLoader<Characteristic, CharacteristicCount[]>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly thresholds: TimelinessThresholds,
  ) {}

  performance(from: string, to: string): BoardPerformance {
    assertMayEver(this.ctx.ability, 'read', 'BoardPerformance');
    return monthPeriod(from, to);
  }

  byAuthority(period: MonthPeriod): Promise<AuthorityMonth[]> {
    return this.ctx.db.query<AuthorityMonth>(MONTHLY_BY_AUTHORITY, [period.firstDay, period.lastMonthStart, period.lastDay]);
  }

  partnership(period: MonthPeriod): Promise<PartnershipMonth[]> {
    return this.ctx.db.query<PartnershipMonth>(MONTHLY_PARTNERSHIP, [period.firstDay, period.lastMonthStart, period.lastDay]);
  }

  async childrenWaiting(period: MonthPeriod): Promise<ChildrenWaiting[]> {
    const rows = await this.ctx.db.query<ChildrenWaiting>(CHILDREN_WAITING, [period.lastDay]);
    return withEveryScope(rows, (authority) => ({ authority, children: 0, averageDaysWaiting: null }));
  }

  async timeliness(period: MonthPeriod): Promise<TimelinessMeasure[]> {
    type Row = ByScope & { childrenAdopted: number; a2AverageDays: number | null; a10AverageDays: number | null };
    const rows = await this.ctx.db.query<Row>(TIMELINESS, [period.firstDay, period.lastDay]);
    const { a2Days, a10Days } = this.thresholds;
    return withEveryScope(rows, (authority) => ({ authority, childrenAdopted: 0, a2AverageDays: null, a10AverageDays: null })).map(
      (row) => ({
        ...row,
        a2ThresholdDays: a2Days,
        a10ThresholdDays: a10Days,
        a2WithinThreshold: row.a2AverageDays === null ? null : row.a2AverageDays <= a2Days,
        a10WithinThreshold: row.a10AverageDays === null ? null : row.a10AverageDays <= a10Days,
      }),
    );
  }

  /** The breakdowns a request asks for (on one day) are counted together: one statement, one set of children waiting. */
  waitingByCharacteristic(period: MonthPeriod, characteristic: Characteristic): Promise<CharacteristicCount[]> {
    let loader = this.breakdowns.get(period.lastDay);
    if (!loader) {
      loader = new DataLoader(async (characteristics: readonly Characteristic[]) => {
        type Row = CharacteristicCount & { characteristic: Characteristic };
        const categories = Object.fromEntries(characteristics.map((c) => [c, CATEGORIES[c]]));
        const rows = await this.ctx.db.query<Row>(WAITING_BY_CHARACTERISTICS, [characteristics, period.lastDay, JSON.stringify(categories)]);
        return characteristics.map((c) => rows.filter((r) => r.characteristic === c).map(({ characteristic: _c, ...count }) => count));
      });
      this.breakdowns.set(period.lastDay, loader);
    }
    return loader.load(characteristic);
  }

  async pooledBudget(financialYear: string | null): Promise<PooledBudgetYear[]> {
    assertMayEver(this.ctx.ability, 'read', 'PooledBudget');
    if (financialYear !== null && !/^\d{4}-\d{2}$/.test(financialYear)) throw badUserInput('financialYear', 'must be like 2024-25');
    type Row = Omit<PooledBudgetYear, 'authorities' | 'underspend'> & { authority: Authority; contribution: number; underspendShare: number | null };
    const rows = await this.ctx.db.query<Row>(POOLED_BUDGET, [financialYear]);
    const years = new Map<string, PooledBudgetYear>();
    for (const row of rows) {
      const underspend = Math.round((row.operatingBudget - row.spend) * 100) / 100;
      const year =
        years.get(row.financialYear) ??
        years
          .set(row.financialYear, { ...row, underspend, authorities: [] })
          .get(row.financialYear)!;
      year.authorities.push({
        authority: row.authority,
        contribution: row.contribution,
        contributionShare: percent(row.contribution, row.operatingBudget),
        underspendShare: row.underspendShare,
        underspendSharePercent: row.underspendShare === null ? null : percent(row.underspendShare, underspend),
      });
    }
    return [...years.values()].map(({ financialYear: fy, operatingBudget, spend, underspend, underspendTreatment, authorities }) => ({
      financialYear: fy,
      operatingBudget,
      spend,
      underspend,
      underspendTreatment,
      authorities,
    }));
  }
}

/** Every authority and the partnership (authority null), in that order, filling scopes with no rows. */
function withEveryScope<T extends ByScope>(rows: T[], empty: (authority: Authority | null) => T): T[] {
  return [...AUTHORITIES, null].map((authority) => rows.find((r) => r.authority === authority) ?? empty(authority));
}
