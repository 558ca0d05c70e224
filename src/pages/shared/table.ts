import { cellText, csvText, type Cell } from './csv';
import { el } from './dom';
import { download } from './download';

/** A table as the page shows it and its CSV writes it, from the same cells. */
export type TableModel = {
  /** Names the CSV file and the section, e.g. 'placement-orders'. */
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  /** Cells of the first this many columns are labels, not figures. */
  labelColumns?: number;
  notes?: string[];
};

const cellClass = (cell: Cell): string | undefined =>
  cell !== null && typeof cell === 'object'
    ? 'suppressed' in cell
      ? 'suppressed'
      : 'illustrative'
    : typeof cell === 'number'
      ? 'number'
      : undefined;

/** The table, its notes, and a button that downloads it as CSV (not printed). */
export function renderTable(model: TableModel, filenamePrefix: string): HTMLElement {
  const labels = model.labelColumns ?? 1;
  const table = el(
    'table',
    { 'data-table': model.id },
    el('caption', {}, model.title),
    el('thead', {}, el('tr', {}, ...model.header.map((h, i) => el('th', { scope: 'col', class: i < labels ? undefined : 'number' }, h)))),
    el(
      'tbody',
      {},
      ...model.rows.map((row) =>
        el(
          'tr',
          {},
          ...row.map((cell, i) =>
            i < labels ? el('th', { scope: 'row' }, cellText(cell)) : el('td', { class: cellClass(cell) }, cellText(cell)),
          ),
        ),
      ),
    ),
  );
  const button = el('button', { type: 'button', class: 'no-print csv' }, `Download CSV`);
  button.addEventListener('click', () => download(`${filenamePrefix}-${model.id}.csv`, csvText(model.header, model.rows)));
  return el(
    'div',
    { class: 'table-block' },
    el('div', { class: 'table-scroll' }, table),
    ...(model.notes ?? []).map((n) => el('p', { class: 'table-note' }, n)),
    button,
  );
}
