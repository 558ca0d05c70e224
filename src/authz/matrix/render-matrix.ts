import { ACTIONS, SUBJECT_TYPES } from '../vocabulary';
import type { MatrixCell } from './access-matrix';

const MARK: Record<string, string> = { allowed: '✓', refused: '·' };

function cellText(cell: MatrixCell): string {
  const access = MARK[cell.access] ?? cell.access.replace(/^allowed if /, 'if ');
  return cell.fields ? `${access} — ${cell.fields}` : access;
}

/** The matrix as Markdown: one table per role and scope, subjects down, actions across. */
export function renderAccessMatrix(cells: MatrixCell[]): string {
  const out = [
    '# Access matrix',
    '',
    'Generated from the live policy (`src/authz/`) by `npm run matrix`; do not edit. A test fails when it is stale,',
    'and when it disagrees with the hand-written role tables in `test/policy/expectations/`.',
    '',
    '✓ allowed · `·` refused · "if …" allowed when the condition holds. For reads of a child or household, the visible',
    'field classes follow the dash. "Own authority" is the authority of the role assignment (shown with Kent records).',
    '',
  ];
  const groups = new Map<string, MatrixCell[]>();
  for (const cell of cells) {
    const key = `${cell.role} — ${cell.scope}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  for (const [title, group] of groups) {
    out.push(`## ${title}`, '', `| subject | ${ACTIONS.join(' | ')} |`, `|---|${ACTIONS.map(() => '---').join('|')}|`);
    for (const subject of SUBJECT_TYPES) {
      const row = ACTIONS.map((action) => cellText(group.find((c) => c.subject === subject && c.action === action)!));
      if (row.every((text) => text === MARK.refused)) continue;
      out.push(`| ${subject} | ${row.join(' | ')} |`);
    }
    const none = SUBJECT_TYPES.filter((subject) => group.every((c) => c.subject !== subject || c.access === 'refused'));
    out.push('', `Refused every action on: ${none.length ? none.join(', ') : 'nothing'}.`, '');
  }
  return `${out.join('\n')}\n`;
}
