import { MONTHLY_FIGURES, TIMELINESS_FIGURES, WAITING_BREAKDOWNS } from './figures';

const fieldsOf = (source: 'byAuthority' | 'partnership') => [
  ...new Set(
    MONTHLY_FIGURES.filter((f) => f.source === source).flatMap((f) => [f.field, ...(f.illustrativeFlag ? [f.illustrativeFlag] : [])]),
  ),
];

/** An alias per breakdown, so one request asks for all three. */
export const breakdownAlias = (characteristic: string) => `by_${characteristic}`;

/** The board's query, from the figures' config: timeliness is asked only for the periods it is published for. */
export function boardQuery(withTimeliness: boolean): string {
  const timelinessFields = [
    'authority',
    'childrenAdopted',
    ...TIMELINESS_FIGURES.flatMap((t) => [t.average, t.withheld, t.threshold, t.within]),
  ];
  return `query BoardPack($from: String!, $to: String!) {
  boardPerformance(from: $from, to: $to) {
    byAuthority { month authority ${fieldsOf('byAuthority').join(' ')} }
    partnership { month ${fieldsOf('partnership').join(' ')} }
    childrenWaiting { authority children suppressed averageDaysWaiting averageWithheld }
    ${WAITING_BREAKDOWNS.map((b) => `${breakdownAlias(b.characteristic)}: childrenWaitingBy(characteristic: ${b.characteristic}) { authority category count suppressed }`).join('\n    ')}
    ${withTimeliness ? `timeliness { ${[...new Set(timelinessFields)].join(' ')} }` : ''}
  }
}`;
}

export const POOLED_BUDGET_QUERY = `{ pooledBudget {
  financialYear operatingBudget spend underspend underspendTreatment
  authorities { authority contribution contributionShare underspendShare underspendSharePercent }
} }`;
