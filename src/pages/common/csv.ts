/** A cell of a table as the page shows it: a figure, a word, or a figure withheld. */
export type Cell = string | number | null | { suppressed: true } | { value: number | string; illustrative: true };

/** The text of a cell, as the page shows it and the CSV writes it: a suppressed cell is never a number. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'object') return String(cell);
  if ('suppressed' in cell) return 'suppressed';
  return `${cell.value} (illustrative)`;
}

/**
 * CSV (RFC 4180) of a header and rows: every cell quoted, quotes doubled, lines ended CRLF. A cell a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark, as the server's export does; a negative number stays a number.
 */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => `${row.map((cell) => csvCell(cellText(cell as Cell))).join(',')}\r\n`).join('');
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
