import { MONTHLY_FIGURES, TIMELINESS_FIGURES, timelinessFields, WAITING_BREAKDOWNS } from './figures';

const fieldsOf = (source: 'byAuthority' | 'partnership') => [
  ...new Set(
    MONTHLY_FIGURES.filter((f) => f.source === source).flatMap((f) => [
      f.field,
      ...(f.illustrativeFlag ? [f.illustrativeFlag] : []),
      ...(f.partOf ? [f.partOf.of] : []),
    ]),
  ),
];

/** An alias per breakdown, so one request asks for all three. */
export const breakdownAlias = (characteristic: string) => `by_${characteristic}`;

/** The board's query, from the figures' config: timeliness is asked only for the periods it is published for. */
export function boardQuery(withTimeliness: boolean): string {
  const timeliness = ['authority', 'childrenAdopted', ...TIMELINESS_FIGURES.flatMap(timelinessFields)];
  return `query BoardPack($from: Month!, $to: Month!) {
  boardPerformance(from: $from, to: $to) {
    byAuthority { month authority ${fieldsOf('byAuthority').join(' ')} }
    partnership { month ${fieldsOf('partnership').join(' ')} }
    childrenWaiting { authority children suppressed averageDaysWaiting averageWithheld }
    ${WAITING_BREAKDOWNS.map((b) => `${breakdownAlias(b.characteristic)}: childrenWaitingBy(characteristic: ${b.characteristic}) { authority category count suppressed }`).join('\n    ')}
    ${withTimeliness ? `timeliness { ${[...new Set(timeliness)].join(' ')} }` : ''}
  }
}`;
}

export const POOLED_BUDGET_QUERY = `{ pooledBudget {
  financialYear operatingBudget spend illustrative underspend underspendTreatment
  authorities { authority contribution contributionShare illustrative underspendShare underspendSharePercent underspendShareIllustrative }
} }`;
