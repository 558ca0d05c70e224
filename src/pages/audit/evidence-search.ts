import type { EvidenceRow } from '../../audit/policy-evidence';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);

/** Everything an auditor may search a row by: its sentence, table, role, action, subject, reason, rule and tests. */
function searchable(row: EvidenceRow): string[] {
  return words(
    [
      row.sentence,
      row.table,
      row.role,
      row.action,
      row.subject,
      row.expected,
      row.reasonCode ?? '',
      row.rule,
      ...row.tests.flatMap((t) => [t.name, t.file, t.outcome]),
    ].join(' '),
  );
}

/**
 * The rows holding every word typed, in any order and case, each word as the start of a word of the row: "Kent ADM
 * Medway child" finds "a Kent ADM cannot read a Medway child".
 */
export function searchRows(rows: readonly EvidenceRow[], query: string): EvidenceRow[] {
  const wanted = words(query);
  if (wanted.length === 0) return [...rows];
  return rows.filter((row) => {
    const have = searchable(row);
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  });
}
