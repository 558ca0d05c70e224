import DataLoader from 'dataloader';
import { assertMayEver } from '../access/refusals';
import type { Authority } from '../authz/vocabulary';
import type { TimelinessThresholds } from './timeliness-thresholds';
import type { ServiceContext } from '../access/service-context';
import { ADOPTIONS_BY_MONTH, MONTHLY_BY_AUTHORITY, MONTHLY_PARTNERSHIP, POOLED_BUDGET, WAITING } from './board-queries';
import {
  CHARACTERISTICS,
  type AuthorityMonth,
  type BoardPerformance,
  type Characteristic,
  type CharacteristicCount,
  type ChildrenWaiting,
  type PartnershipMonth,
  type PooledBudgetYear,
  type TimelinessMeasure,
} from './board.types';
import { monthPeriod, type MonthPeriod } from './months';
import { reportingPeriod } from './reporting-periods';
import { protectTimeliness, type AdoptionsRow } from './timeliness-disclosure';
import { protectWaiting, type ProtectedWaiting, type WaitingCountRow } from './waiting-disclosure';

/** One amount of Money as a percentage of another, to one decimal place (a ratio: floats are exact enough). */
const percent = (part: string, whole: string) => (Number(whole) > 0 ? Math.round((Number(part) / Number(whole)) * 1000) / 10 : 0);

/**
 * The Executive Board's view: aggregates only, all three authorities side by side. Each dataset is one
 * statement (the children waiting and their breakdowns, one for all of them), run only when asked for; nothing here
 * can return a row of a child or a household, and what would point at a child is withheld (disclosure-control.ts).
 */
export class BoardService {
  private readonly waiting = new DataLoader<string, ProtectedWaiting>(async (days) =>
    Promise.all(days.map(async (day) => protectWaiting(day, await this.ctx.db.query<WaitingCountRow>(WAITING, [day, CHARACTERISTICS])))),
  );

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
    return (await this.waiting.load(period.lastDay)).totals;
  }

  async waitingByCharacteristic(period: MonthPeriod, characteristic: Characteristic): Promise<CharacteristicCount[]> {
    return (await this.waiting.load(period.lastDay)).breakdowns.get(characteristic)!;
  }

  /** Over a whole month, quarter or financial year: the year's adoptions decide which averages are withheld. */
  async timeliness(period: MonthPeriod): Promise<TimelinessMeasure[]> {
    const { year, id } = reportingPeriod(period);
    const rows = await this.ctx.db.query<AdoptionsRow>(ADOPTIONS_BY_MONTH, [year.firstDay, year.lastDay]);
    return protectTimeliness(year, id, rows, this.thresholds);
  }

  async pooledBudget(financialYear: string | null): Promise<PooledBudgetYear[]> {
    assertMayEver(this.ctx.ability, 'read', 'PooledBudget');
    type Row = Omit<PooledBudgetYear, 'authorities'> & {
      authority: Authority;
      contribution: string;
      contributionIllustrative: boolean;
      underspendShare: string | null;
      underspendShareIllustrative: boolean;
    };
    const rows = await this.ctx.db.query<Row>(POOLED_BUDGET, [financialYear]);
    const years = new Map<string, PooledBudgetYear>();
    for (const row of rows) {
      const year = years.get(row.financialYear) ?? years.set(row.financialYear, { ...row, authorities: [] }).get(row.financialYear)!;
      year.authorities.push({
        authority: row.authority,
        contribution: row.contribution,
        contributionShare: percent(row.contribution, row.operatingBudget),
        // A share of an illustrative budget is illustrative too.
        illustrative: row.contributionIllustrative || row.illustrative,
        underspendShare: row.underspendShare,
        underspendSharePercent: row.underspendShare === null ? null : percent(row.underspendShare, row.underspend),
        underspendShareIllustrative: row.underspendShareIllustrative,
      });
    }
    return [...years.values()].map(
      ({ financialYear: fy, operatingBudget, spend, illustrative, underspend, underspendTreatment, authorities }) => ({
        financialYear: fy,
        operatingBudget,
        spend,
        illustrative,
        underspend,
        underspendTreatment,
        authorities,
      }),
    );
  }
}
