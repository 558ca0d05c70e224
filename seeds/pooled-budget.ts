import type { EntityManager } from 'typeorm';
import type { Authority } from '../src/authz/vocabulary';
import { BudgetContributionRecord, BudgetYearRecord } from '../src/board/budget.entity';

/** Pounds, and whether the figure is published (false: illustrative, generated for the demo). */
type Figure = [pounds: number, published: boolean];
type Year = Omit<BudgetYearRecord, 'createdAt'> & { contributions: Record<Authority, [contribution: Figure, underspendShare: Figure]> };

/**
 * The pooled budget. Published (Medway Cabinet, 21 October 2025: the partnership's annual report 2024/25):
 * 2024-25 operating budget £4,394,136, Medway's contribution £1,024,079, underspend £317,281 of which Medway's
 * share £63,456, rolled forward; 2023-24 underspend £328,000 of which Medway's share, if returned, £66,000 (whether
 * it would be returned was not yet decided). The other figures are illustrative, chosen so that contributions add
 * up to the budget and shares to the underspend, and marked so.
 */
const YEARS: Year[] = [
  {
    financialYear: '2023-24',
    operatingBudget: 4_215_000,
    spend: 3_887_000,
    illustrative: true,
    underspendTreatment: 'NOT_DECIDED',
    contributions: {
      BEXLEY: [
        [708_000, false],
        [57_000, false],
      ],
      KENT: [
        [2_525_000, false],
        [205_000, false],
      ],
      MEDWAY: [
        [982_000, false],
        [66_000, true],
      ],
    },
  },
  {
    financialYear: '2024-25',
    operatingBudget: 4_394_136,
    spend: 4_076_855,
    illustrative: false,
    underspendTreatment: 'ROLLED_FORWARD',
    contributions: {
      BEXLEY: [
        [737_467, false],
        [54_615, false],
      ],
      KENT: [
        [2_632_590, false],
        [199_210, false],
      ],
      MEDWAY: [
        [1_024_079, true],
        [63_456, true],
      ],
    },
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
      Object.entries(contributions).map(([authority, [[contribution, contributionPublished], [underspendShare, sharePublished]]]) => ({
        financialYear,
        authority: authority as Authority,
        contribution,
        contributionIllustrative: !contributionPublished,
        underspendShare,
        underspendShareIllustrative: !sharePublished,
      })),
    ),
  );
}
