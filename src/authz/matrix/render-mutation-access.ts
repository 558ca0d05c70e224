import { MUTATION_ACCESS, type MutationName } from '../mutation-access';
import type { MatrixCell } from './access-matrix';

/** The roles the live policy lets take `action` on `subject` in some scope, conditionally or not. */
export function grantedTo(cells: readonly MatrixCell[], { action, subject }: (typeof MUTATION_ACCESS)[MutationName]): string[] {
  const roles = cells.filter((c) => c.subject === subject && c.action === action && c.access !== 'refused').map((c) => c.role);
  return [...new Set(roles)];
}

/** Each mutation's question to the policy, and who the policy grants it to, as Markdown. */
export function renderMutationAccess(cells: readonly MatrixCell[]): string {
  const out = [
    '# Mutations and the policy',
    '',
    'Generated from `MUTATION_ACCESS` (`src/authz/mutation-access.ts`), the table every mutation asks the policy from,',
    'and the live policy, by `npm run matrix`; do not edit. A test fails when it is stale or a mutation has no row.',
    '',
    'Each mutation asks may the caller take the action on the record of the subject it names (or, for `create`, the',
    'record it would write). The conditions of each grant are in [access-matrix.md](access-matrix.md); the journey’s',
    'own rules, and the record’s `viewerCan`, in [docs/api-contract.md](../docs/api-contract.md).',
    '',
    '| mutation | action | subject | granted to |',
    '|---|---|---|---|',
  ];
  for (const [name, access] of Object.entries(MUTATION_ACCESS).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`| \`${name}\` | ${access.action} | ${access.subject} | ${grantedTo(cells, access).join(', ')} |`);
  }
  return `${out.join('\n')}\n`;
}
