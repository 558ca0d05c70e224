import type { TableModel } from '../common/table-model';
import type { BudgetYear } from './board-data';
import { authorityName, illustrativeNotes, marked } from './board-cells';

/** Money (an exact decimal string) in whole pounds: far below 2^53 pence, a number rounds it exactly. */
const pounds = (amount: string | null) =>
  amount === null ? '–' : `£${Number(amount).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
const percent = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)}%`);
const TREATMENTS: Record<string, string> = {
  ROLLED_FORWARD: 'rolled forward',
  RETURNED: 'returned to the authorities',
  NOT_DECIDED: 'not yet decided',
};

/**
 * The pooled budget: a row a year, then each authority's contribution and share of the underspend. The
 * underspend itself is published even where the budget is not, so only the flagged figures are marked.
 */
export function budgetTables(years: BudgetYear[]): TableModel[] {
  const yearRows = years.map((y) => [
    y.financialYear,
    marked(pounds(y.operatingBudget), y.illustrative),
    marked(pounds(y.spend), y.illustrative),
    pounds(y.underspend),
    TREATMENTS[y.underspendTreatment] ?? y.underspendTreatment,
  ]);
  const shareRows = years.flatMap((y) =>
    y.authorities.map((a) => [
      y.financialYear,
      authorityName(a.authority),
      marked(pounds(a.contribution), a.illustrative),
      marked(percent(a.contributionShare), a.illustrative),
      marked(pounds(a.underspendShare), a.underspendShareIllustrative && a.underspendShare !== null),
      marked(percent(a.underspendSharePercent), a.underspendShareIllustrative && a.underspendSharePercent !== null),
    ]),
  );
  return [
    {
      id: 'pooled-budget',
      title: 'Pooled budget by financial year',
      header: ['Financial year', 'Operating budget', 'Spend', 'Underspend', 'Underspend treatment'],
      rows: yearRows,
      notes: illustrativeNotes(yearRows),
    },
    {
      id: 'pooled-budget-shares',
      title: 'Contributions and shares of the underspend',
      header: [
        'Financial year',
        'Authority',
        'Contribution',
        'Share of the budget',
        'Share of the underspend',
        'Per cent of the underspend',
      ],
      labelColumns: 2,
      rows: shareRows,
      notes: illustrativeNotes(shareRows),
    },
  ];
}
