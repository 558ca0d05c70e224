/** A bar chart as the tables describe it; charts.ts draws it. */
export type BarSeries = { name: string; values: (number | null)[] };
export type BarChartSpec = { id: string; title: string; categories: string[]; series: BarSeries[]; stacked?: boolean; threshold?: number };
