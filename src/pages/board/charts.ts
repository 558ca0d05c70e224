import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { el } from '../common/dom';
import type { BarChartSpec } from './chart-spec';

// Only what the board pack draws: the bundle stays small, and nothing is fetched at run time.
echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

const charts = new Set<echarts.ECharts>();
// Printing lays the page out anew at A4 width: redraw each chart to fit it.
for (const event of ['beforeprint', 'afterprint', 'resize']) window.addEventListener(event, () => charts.forEach((c) => c.resize()));

/** Forgets the charts of a page about to be redrawn. */
export function disposeCharts(): void {
  charts.forEach((c) => c.dispose());
  charts.clear();
}

/** A bar chart in its own block; a suppressed value is left out of the chart (null), never drawn as a number. */
export function barChart(spec: BarChartSpec): HTMLElement {
  const container = el('div', { class: 'chart', 'data-chart': spec.id, role: 'img', 'aria-label': spec.title });
  const block = el('figure', { class: 'chart-block' }, container);
  requestAnimationFrame(() => {
    const chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: spec.series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        stack: spec.stacked ? 'total' : undefined,
        markLine:
          i === 0 && spec.threshold !== undefined
            ? { symbol: 'none', data: [{ yAxis: spec.threshold, name: 'threshold' }], label: { formatter: `threshold ${spec.threshold}` } }
            : undefined,
      })),
    });
    charts.add(chart);
  });
  return block;
}
