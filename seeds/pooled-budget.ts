import type { EntityManager } from 'typeorm';
import { BudgetContributionRecord, BudgetYearRecord } from '../src/board/budget.entity';

/**
 * The pooled budget. Published (Medway Cabinet, 21 October 2025: the partnership's annual report 2024/25):
 * 2024-25 operating budget £4,394,136, Medway's contribution £1,024,079, underspend £317,281 of which
 * Medway's share £63,456, rolled forward; 2023-24 underspend £328,000 of which Medway's share £66,000 (not
 * returned). The other figures are illustrative, chosen so that contributions add up to the budget and
 * shares to the underspend.
 */
const YEARS = [
  {
    financialYear: '2023-24',
    operatingBudget: 4_215_000,
    spend: 3_887_000,
    underspendTreatment: 'ROLLED_FORWARD' as const,
    contributions: { BEXLEY: [708_000, 57_000], KENT: [2_525_000, 205_000], MEDWAY: [982_000, 66_000] },
  },
  {
    financialYear: '2024-25',
    operatingBudget: 4_394_136,
    spend: 4_076_855,
    underspendTreatment: 'ROLLED_FORWARD' as const,
    contributions: { BEXLEY: [737_467, 54_615], KENT: [2_632_590, 199_210], MEDWAY: [1_024_079, 63_456] },
  },
];

export async function insertPooledBudget(manager: EntityManager): Promise<void> {
  await manager.insert(
    BudgetYearRecord,
    YEARS.map(({ contributions: _c, ...year }) => year),
  );
  await manager.insert(
    BudgetContributionRecord,
    YEARS.flatMap(({ financialYear, contributions }) =>
      Object.entries(contributions).map(([authority, [contribution, underspendShare]]) => ({
        financialYear,
        authority: authority as BudgetContributionRecord['authority'],
        contribution,
        underspendShare,
      })),
    ),
  );
}
