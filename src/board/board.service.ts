import DataLoader from 'dataloader';
import { assertMayEver } from '../authz/refusals';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';
import type { TimelinessThresholds } from '../config';
import type { ServiceContext } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { CATEGORIES, MONTHLY_BY_AUTHORITY, MONTHLY_PARTNERSHIP, POOLED_BUDGET, TIMELINESS, WAITING } from './board-queries';
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
/** What a request asks of the children waiting: their totals, or a breakdown. */
type WaitingDataset = 'TOTALS' | Characteristic;
type WaitingRow = CharacteristicCount & { characteristic: Characteristic | null; averageDaysWaiting: number | null };
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * The Executive Board's view: aggregates only, all three authorities side by side. Each dataset is one
 * statement (the children waiting and their breakdowns, one for all of them), run only when asked for; nothing here
 * can return a row of a child or a household.
 */
export class BoardService {
  private readonly waiting = new Map<string, DataLoader<WaitingDataset, WaitingRow[]>>();

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
    const totals = (await this.waitingDataset(period, 'TOTALS')).map((r) => ({ authority: r.authority, children: r.count!, averageDaysWaiting: r.averageDaysWaiting }));
    return withEveryScope(totals, (authority) => ({ authority, children: 0, averageDaysWaiting: null }));
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

  async waitingByCharacteristic(period: MonthPeriod, characteristic: Characteristic): Promise<CharacteristicCount[]> {
    return (await this.waitingDataset(period, characteristic)).map(({ authority, category, count, suppressed }) => ({ authority, category, count, suppressed }));
  }

  /** What a request asks of the children waiting on one day is counted together: one statement, one set of children. */
  private waitingDataset(period: MonthPeriod, dataset: WaitingDataset): Promise<WaitingRow[]> {
    let loader = this.waiting.get(period.lastDay);
    if (!loader) {
      loader = new DataLoader(async (datasets: readonly WaitingDataset[]) => {
        const characteristics = datasets.filter((d): d is Characteristic => d !== 'TOTALS');
        const categories = Object.fromEntries(characteristics.map((c) => [c, CATEGORIES[c]]));
        const rows = await this.ctx.db.query<WaitingRow>(WAITING, [period.lastDay, characteristics, JSON.stringify(categories)]);
        return datasets.map((d) => rows.filter((r) => r.characteristic === (d === 'TOTALS' ? null : d)));
      });
      this.waiting.set(period.lastDay, loader);
    }
    return loader.load(dataset);
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
