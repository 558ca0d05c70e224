import { csvText } from '../common/csv';
import { el, notice, replaceChildren } from '../common/dom';
import { download } from '../common/download';
import { graphql } from '../common/graphql';
import { describeFailure } from '../common/page-frame';
import { renderTable } from '../common/table';
import {
  AUDIT_EVENTS_QUERY,
  auditFilter,
  AUTHORITIES,
  EXPORT_COLUMNS,
  exportCell,
  ROLES,
  type AuditEventNode,
  type AuditEventPage,
  type LogFilterInput,
} from './access-log-query';

const PAGE_SIZE = 25;
/** The API's largest page; an export reads page after page of it, each read logged like any other. */
const EXPORT_PAGE_SIZE = 100;
const EXPORT_MAX_PAGES = 100;

const fetchPage = async (first: number, after: string | null, filter: Record<string, string>) =>
  (await graphql<{ auditEvents: AuditEventPage }>(AUDIT_EVENTS_QUERY, { first, after, filter })).data.auditEvents;

function select(id: string, label: string, values: readonly string[]): HTMLSelectElement {
  return el('select', { id, 'aria-label': label }, el('option', { value: '' }, 'any'), ...values.map((v) => el('option', { value: v }, v)));
}

const pageRows = (nodes: AuditEventNode[]) =>
  nodes.map((e) => [
    e.at,
    String(e.staffId ?? 'system'),
    String(e.role),
    String(e.action),
    String(e.outcome),
    String(e.subjectType),
    e.subjectId ? String(e.subjectId) : `${(e.subjectIds as string[]).length} records`,
    (e.fields as string[]).join(', '),
    String(e.reason ?? ''),
  ]);

/** The access-log browser: the filters of `auditEvents`, a page at a time, and an export of everything the filters find. */
export function renderAccessLog(container: HTMLElement): void {
  const inputs = {
    staffId: el('input', { id: 'log-staff-id', type: 'text', placeholder: 'a staff id', 'aria-label': 'Who (staff id)' }),
    role: select('log-role', 'Role', ROLES),
    action: el('input', { id: 'log-action', type: 'text', placeholder: 'read, create, update, or a field', 'aria-label': 'Action' }),
    subjectType: el('input', {
      id: 'log-subject-type',
      type: 'text',
      placeholder: 'Child, Household, AuditEvent…',
      'aria-label': 'Subject type',
    }),
    outcome: select('log-outcome', 'Outcome', ['ALLOWED', 'REFUSED']),
    authority: select('log-authority', 'Authority', AUTHORITIES),
    from: el('input', { id: 'log-from', type: 'date', 'aria-label': 'From (UK day)' }),
    to: el('input', { id: 'log-to', type: 'date', 'aria-label': 'To (UK day, included)' }),
  };
  const read = (): LogFilterInput => Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value])) as LogFilterInput;
  const results = el('div', { id: 'log-results' });
  const status = el('p', { class: 'hint', id: 'log-status' });
  const previous = el('button', { type: 'button', id: 'log-previous' }, 'Previous page');
  const next = el('button', { type: 'button', id: 'log-next' }, 'Next page');
  const search = el('button', { type: 'button', id: 'log-search' }, 'Search');
  const exportButton = el('button', { type: 'button', id: 'log-export' }, 'Export CSV (every event found)');

  // The cursors of the pages seen so far: the API pages forwards, so going back is returning to a known cursor.
  let cursors: (string | null)[] = [null];
  let filter: Record<string, string> = {};
  const show = async (index: number) => {
    status.textContent = 'Loading…';
    try {
      const page = await fetchPage(PAGE_SIZE, cursors[index]!, filter);
      cursors = cursors.slice(0, index + 1);
      if (page.pageInfo.hasNextPage) cursors.push(page.pageInfo.endCursor);
      previous.disabled = index === 0;
      next.disabled = !page.pageInfo.hasNextPage;
      next.onclick = () => void show(index + 1);
      previous.onclick = () => void show(index - 1);
      const first = index * PAGE_SIZE + 1;
      status.textContent = page.totalCount
        ? `Events ${first}–${first + page.edges.length - 1} of ${page.totalCount}, newest first`
        : 'No event matches these filters.';
      replaceChildren(
        results,
        renderTable(
          {
            id: 'access-log-page',
            title: 'Access-log events',
            header: ['At', 'Who', 'Roles', 'Action', 'Outcome', 'Subject type', 'Subject', 'Fields', 'Reason'],
            rows: pageRows(page.edges.map((e) => e.node)),
          },
          'apse-access-log',
        ),
      );
    } catch (error) {
      status.textContent = '';
      replaceChildren(results, notice('error', describeFailure(error)));
    }
  };
  search.addEventListener('click', () => {
    filter = auditFilter(read());
    cursors = [null];
    void show(0);
  });
  exportButton.addEventListener('click', async () => {
    const wanted = auditFilter(read());
    const events: AuditEventNode[] = [];
    exportButton.disabled = true;
    try {
      let after: string | null = null;
      for (let n = 0; n < EXPORT_MAX_PAGES; n += 1) {
        const page: AuditEventPage = await fetchPage(EXPORT_PAGE_SIZE, after, wanted);
        events.push(...page.edges.map((e) => e.node));
        status.textContent = `Exporting… ${events.length} of ${page.totalCount}`;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const rows = events.map((e) => EXPORT_COLUMNS.map(([, field]) => exportCell(e[field])));
      download(
        `apse-access-log-${new Date().toISOString().slice(0, 10)}.csv`,
        csvText(
          EXPORT_COLUMNS.map(([column]) => column),
          rows,
        ),
      );
      status.textContent = `Exported ${events.length} events${events.length === EXPORT_PAGE_SIZE * EXPORT_MAX_PAGES ? ' (the most one export holds: narrow the filters, or use npm run audit:export)' : ''}.`;
    } catch (error) {
      status.textContent = describeFailure(error);
    } finally {
      exportButton.disabled = false;
    }
  });
  previous.disabled = true;
  next.disabled = true;
  replaceChildren(
    container,
    el(
      'div',
      { class: 'filters no-print' },
      ...Object.values(inputs).map((input) =>
        el('span', { class: 'field' }, el('label', { for: input.id }, input.getAttribute('aria-label')!), input),
      ),
      search,
      exportButton,
    ),
    status,
    results,
    el('div', { class: 'paging no-print' }, previous, next),
  );
  filter = {};
  void show(0);
}
