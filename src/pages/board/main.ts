import { el, notice, replaceChildren } from '../common/dom';
import { graphql } from '../common/graphql';
import { describeFailure, startPage } from '../common/page-frame';
import type { Viewer } from '../common/permissions';
import { renderTable } from '../common/table';
import type { BoardData, BudgetYear } from './board-data';
import { boardQuery, POOLED_BUDGET_QUERY } from './board-query';
import { breakdownTable, monthlySeries, monthlyTable, waitingTable } from './board-tables';
import { budgetTables } from './budget-tables';
import { barChart, disposeCharts } from './charts';
import { AUTHORITY_NAMES, MONTHLY_FIGURES, TIMELINESS_FIGURES, WAITING_BREAKDOWNS } from './figures';
import { addMonths, monthLabel, monthsOf, periodFor, previousYear, timelinessPublished, type Period, type PeriodKind } from './periods';
import { readChoice, renderControls, type Choice } from './controls';
import { timelinessChart, timelinessTable } from './timeliness-tables';

const FILE_PREFIX = 'apse-board';

type Loaded = { data: BoardData; problems: string[] };

async function loadPeriod(period: Period): Promise<Loaded> {
  const { data, errors } = await graphql<{ boardPerformance: BoardData }>(boardQuery(timelinessPublished(period)), {
    from: period.from,
    to: period.to,
  });
  return { data: data.boardPerformance, problems: errors.map((e) => e.message) };
}

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return el('section', { class: 'board-section', id }, el('h2', {}, title), ...children);
}

function journeySections(period: Period, current: BoardData, earlier?: { period: Period; data: BoardData }): HTMLElement[] {
  const titles = [...new Set(MONTHLY_FIGURES.map((f) => f.section))];
  return titles.map((title, i) =>
    section(
      `section-${i + 1}`,
      title,
      ...MONTHLY_FIGURES.filter((f) => f.section === title).flatMap((figure) => {
        const series = monthlySeries(figure, current).filter((s) => figure.source === 'partnership' || s.name !== 'Partnership');
        const months = monthsOf(period.from, period.to);
        const chart = earlier
          ? barChart({
              id: figure.id,
              title: `${figure.title}: ${period.label} and a year earlier`,
              categories: monthlySeries(figure, current).map((s) => s.name),
              series: [current, earlier.data].map((data, k) => ({
                name: k === 0 ? period.label : earlier.period.label,
                values: monthlySeries(figure, data).map((s) => [...s.byMonth.values()].reduce((n, c) => n + c.value, 0)),
              })),
            })
          : barChart({
              id: figure.id,
              title: figure.title,
              categories: months.map(monthLabel),
              series: series.map((s) => ({ name: s.name, values: months.map((m) => s.byMonth.get(m)?.value ?? 0) })),
              stacked: true,
            });
        return [renderTable(monthlyTable(figure, period, current, earlier), FILE_PREFIX), chart];
      }),
    ),
  );
}

function waitingSection(period: Period, current: BoardData, earlier?: { period: Period; data: BoardData }): HTMLElement {
  const waiting = waitingTable(period, current, earlier);
  return section(
    'children-waiting',
    'Children waiting',
    renderTable(waiting, FILE_PREFIX),
    barChart({
      id: 'children-waiting',
      title: 'Children waiting by authority (suppressed counts left out)',
      categories: Object.values(AUTHORITY_NAMES),
      series: [{ name: 'Children waiting', values: waiting.rows.slice(0, 3).map((r) => (typeof r[1] === 'number' ? r[1] : null)) }],
    }),
    ...WAITING_BREAKDOWNS.map((b) => renderTable(breakdownTable(b, period, current), FILE_PREFIX)),
  );
}

function timelinessSection(period: Period, current: BoardData, earlier?: { period: Period; data: BoardData }): HTMLElement {
  if (!timelinessPublished(period) || !current.timeliness) {
    return section(
      'timeliness',
      'Timeliness',
      notice(
        'info',
        'Timeliness (A1, A2, A3, A10) is published for a quarter of the financial year or a whole financial year: choose one of those views.',
      ),
    );
  }
  const rows = current.timeliness;
  return section(
    'timeliness',
    'Timeliness',
    ...TIMELINESS_FIGURES.flatMap((figure) => {
      const table = timelinessTable(figure, period, rows, earlier && { period: earlier.period, rows: earlier.data.timeliness ?? null });
      return [renderTable(table, FILE_PREFIX), barChart(timelinessChart(figure, table, rows))];
    }),
  );
}

function budgetSection(years: BudgetYear[]): HTMLElement {
  return section('pooled-budget', 'Pooled budget', ...budgetTables(years).map((t) => renderTable(t, FILE_PREFIX)));
}

async function showPack(content: HTMLElement, viewer: Viewer, choice: Choice): Promise<void> {
  disposeCharts();
  const period = periodFor(choice.kind, choice.from, choice.to);
  const earlierPeriod = choice.yearOnYear ? previousYear(period) : null;
  replaceChildren(content, notice('info', `Loading ${period.label}…`));
  try {
    const [current, earlier, budget] = await Promise.all([
      loadPeriod(period),
      earlierPeriod ? loadPeriod(earlierPeriod) : null,
      viewer.ability.can('read', 'PooledBudget') ? graphql<{ pooledBudget: BudgetYear[] }>(POOLED_BUDGET_QUERY) : null,
    ]);
    const compared = earlier && earlierPeriod ? { period: earlierPeriod, data: earlier.data } : undefined;
    const problems = [...current.problems, ...(earlier?.problems ?? [])];
    replaceChildren(
      content,
      el('h1', {}, `Performance update: ${period.label}`, compared ? ` compared with ${compared.period.label}` : ''),
      ...problems.map((p) => notice('warning', p)),
      ...journeySections(period, current.data, compared),
      waitingSection(period, current.data, compared),
      timelinessSection(period, current.data, compared),
      budget ? budgetSection(budget.data.pooledBudget) : null,
    );
  } catch (error) {
    replaceChildren(content, notice('error', describeFailure(error)));
  }
}

/** The month the page opens on without a choice in its address: the last whole financial year. */
function defaultChoice(): Choice {
  const now = new Date();
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const lastYear = addMonths(periodFor('year', thisMonth).from, -12);
  return { kind: 'year' as PeriodKind, from: lastYear, to: lastYear, yearOnYear: false };
}

startPage({
  mayOpen: (viewer) => viewer.ability.can('read', 'BoardPerformance'),
  notForRole: 'The board pack is for Executive Board directors: it is not for your role.',
  render: async (main, viewer) => {
    const content = el('div', { id: 'board-pack' });
    const controls = renderControls(
      readChoice(new URLSearchParams(location.search)) ?? defaultChoice(),
      (choice) => void showPack(content, viewer, choice),
    );
    replaceChildren(main, controls.element, content);
    await showPack(content, viewer, controls.choice());
  },
});
