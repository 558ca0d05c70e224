import type { EvidenceRow, PolicyEvidence } from '../../audit/policy-evidence';
import type { Cell } from '../common/csv';
import { el, notice, replaceChildren } from '../common/dom';
import { getJson, RequestFailed } from '../common/graphql';
import { describeFailure } from '../common/page-frame';
import { renderTable } from '../common/table';
import type { TableModel } from '../common/table-model';
import { searchRows } from './evidence-search';
import { renderMarkdown } from './markdown';

const FILE_PREFIX = 'apse-policy-evidence';

const testsCell = (row: EvidenceRow): Cell =>
  row.tests.length ? row.tests.map((t) => `${t.name} (${t.file}): ${t.outcome}`).join('; ') : 'no test';

function rowsTable(rows: EvidenceRow[]): TableModel {
  return {
    id: 'role-table-rows',
    title: 'Role-table rows and the tests that prove them',
    header: ['Row', 'Expected', 'Reason code', 'Rule', 'Proving tests and outcomes'],
    rows: rows.map((r) => [r.sentence, r.expected, r.reasonCode ?? '–', r.rule, testsCell(r)]),
  };
}

function coverageTable(evidence: PolicyEvidence): TableModel {
  return {
    id: 'rule-coverage',
    title: 'Rule coverage: each rule of the policy and the rows that exercise it',
    header: ['Role', 'Rule', 'Rows', 'Proven'],
    labelColumns: 2,
    rows: evidence.ruleCoverage.map((c) => [c.role, c.rule, c.rowIds.length, c.rowIds.length ? 'yes' : 'NO ROW PROVES IT']),
  };
}

function mutationBlock(evidence: PolicyEvidence): HTMLElement[] {
  const run = evidence.mutation;
  if (!run) return [notice('info', 'No mutation run has been recorded yet.')];
  return [
    el(
      'p',
      { class: 'score', id: 'mutation-score' },
      `Mutation score ${run.score.toFixed(1)}% — killed ${run.killed}, survived ${run.survived}, no coverage ${run.noCoverage}, timed out ${run.timedOut} (run ${run.ranAt}, commit ${run.commit.slice(0, 12)})`,
    ),
    renderTable(
      {
        id: 'surviving-mutants',
        title: 'Surviving mutants and what became of them',
        header: ['Where', 'Mutator', 'Replacement', 'Status', 'Reason'],
        rows: run.survivors.map((s) => [`${s.file}:${s.line}`, s.mutator, s.replacement, s.status, s.reason]),
      },
      FILE_PREFIX,
    ),
  ];
}

/** The policy evidence: a searchable table of the role-table rows, the rule coverage, the access matrix and its diff, the mutation run. */
export async function renderEvidence(container: HTMLElement): Promise<void> {
  replaceChildren(container, notice('info', 'Loading the policy evidence…'));
  let evidence: PolicyEvidence;
  try {
    evidence = await getJson<PolicyEvidence>('/audit/evidence.json');
  } catch (error) {
    const kind = error instanceof RequestFailed && error.code === 'NOT_FOUND' ? 'info' : 'error';
    return replaceChildren(container, notice(kind, describeFailure(error)));
  }
  const search = el('input', {
    id: 'evidence-search',
    type: 'search',
    placeholder: 'e.g. Kent ADM Medway child',
    'aria-label': 'Search the rows',
  });
  const count = el('p', { class: 'hint', id: 'evidence-count' });
  const results = el('div', { id: 'evidence-rows' });
  const showRows = () => {
    const found = searchRows(evidence.rows, search.value);
    count.textContent = `${found.length} of ${evidence.rows.length} rows`;
    replaceChildren(results, renderTable(rowsTable(found), FILE_PREFIX));
  };
  search.addEventListener('input', showRows);
  showRows();
  const failed = evidence.rows.filter((r) => r.tests.some((t) => t.outcome !== 'passed') || r.tests.length === 0).length;
  replaceChildren(
    container,
    el(
      'p',
      { class: 'hint' },
      `Generated ${evidence.generatedAt} at commit ${evidence.commit.slice(0, 12)}, policy version ${evidence.policyVersion}. ${failed} of ${evidence.rows.length} rows lack a passing test.`,
    ),
    el('div', { class: 'field no-print' }, el('label', { for: 'evidence-search' }, 'Search the rows'), search),
    count,
    results,
    el('h3', {}, 'Rule coverage'),
    renderTable(coverageTable(evidence), FILE_PREFIX),
    el('h3', {}, 'Access matrix'),
    renderMarkdown(evidence.matrix.markdown),
    el('h3', {}, 'Changes to the access matrix'),
    evidence.matrix.diff
      ? el('div', {}, el('p', {}, `Against ${evidence.matrix.diff.against}:`), el('pre', { class: 'diff' }, evidence.matrix.diff.markdown))
      : el('p', {}, 'No revision was compared.'),
    el('h3', {}, 'Mutation testing'),
    ...mutationBlock(evidence),
  );
}
