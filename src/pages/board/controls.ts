import { el } from '../common/dom';
import type { PeriodKind } from './periods';

/** What the reader asked to see: a view, its month (and last month, for a range), and whether to compare a year earlier. */
export type Choice = { kind: PeriodKind; from: string; to: string; yearOnYear: boolean };

const KINDS: [PeriodKind, string][] = [
  ['month', 'Month'],
  ['quarter', 'Quarter (financial year)'],
  ['year', 'Financial year (April–March)'],
  ['range', 'Range of months'],
];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The choice in the page's address (?view=range&from=2020-11&to=2021-05&yoy=1), so a board pack can be linked to. */
export function readChoice(params: URLSearchParams): Choice | null {
  const kind = params.get('view') as PeriodKind | null;
  const from = params.get('from') ?? '';
  if (!kind || !KINDS.some(([k]) => k === kind) || !MONTH.test(from)) return null;
  const to = params.get('to') ?? '';
  return { kind, from, to: MONTH.test(to) ? to : from, yearOnYear: params.get('yoy') === '1' };
}

function writeChoice(choice: Choice): void {
  const params = new URLSearchParams({
    view: choice.kind,
    from: choice.from,
    ...(choice.kind === 'range' ? { to: choice.to } : {}),
    ...(choice.yearOnYear ? { yoy: '1' } : {}),
  });
  history.replaceState(null, '', `?${params}`);
}

/** The period controls and the print button; none of them is printed. */
export function renderControls(initial: Choice, show: (choice: Choice) => void): { element: HTMLElement; choice: () => Choice } {
  const kind = el(
    'select',
    { id: 'view' },
    ...KINDS.map(([value, label]) => el('option', { value, selected: value === initial.kind }, label)),
  );
  const from = el('input', { id: 'month', type: 'month', value: initial.from, required: true });
  const to = el('input', { id: 'to-month', type: 'month', value: initial.to });
  const toField = el('span', { class: 'field' }, el('label', { for: 'to-month' }, 'to'), to);
  const yearOnYear = el('input', { id: 'year-on-year', type: 'checkbox', checked: initial.yearOnYear });
  const showButton = el('button', { type: 'button', id: 'show' }, 'Show');
  const print = el('button', { type: 'button', id: 'print' }, 'Print');
  const choice = (): Choice => ({
    kind: kind.value as PeriodKind,
    from: from.value,
    to: to.value || from.value,
    yearOnYear: yearOnYear.checked,
  });
  const syncRange = () => toField.classList.toggle('hidden', kind.value !== 'range');
  kind.addEventListener('change', syncRange);
  syncRange();
  showButton.addEventListener('click', () => {
    if (!MONTH.test(from.value)) return;
    writeChoice(choice());
    show(choice());
  });
  print.addEventListener('click', () => window.print());
  const element = el(
    'div',
    { class: 'controls no-print' },
    el('span', { class: 'field' }, el('label', { for: 'view' }, 'View'), kind),
    el('span', { class: 'field' }, el('label', { for: 'month' }, 'Month'), from),
    toField,
    el('span', { class: 'field' }, yearOnYear, el('label', { for: 'year-on-year' }, 'Same period a year earlier, side by side')),
    showButton,
    print,
  );
  return { element, choice };
}
