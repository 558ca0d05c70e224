import { cellText, csvText, type Cell } from './csv';
import { el } from './dom';
import { download } from './download';
import type { TableModel } from './table-model';

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
