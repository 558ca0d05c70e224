/** A rendered matrix read back: cell text by "role — scope | subject | action". */
export type ParsedMatrix = Map<string, string>;

export function parseMatrix(markdown: string): ParsedMatrix {
  const cells: ParsedMatrix = new Map();
  let section = '';
  let actions: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3);
    else if (line.startsWith('| subject |'))
      actions = line
        .split('|')
        .slice(2, -1)
        .map((s) => s.trim());
    else if (line.startsWith('| ') && section && !line.startsWith('|---')) {
      const [subject, ...texts] = line
        .split('|')
        .slice(1, -1)
        .map((s) => s.trim());
      texts.forEach((text, i) => cells.set(`${section} | ${subject} | ${actions[i]}`, text));
    }
  }
  return cells;
}

/** Who gains and who loses: every cell whose access differs, worded as a change. */
export function diffMatrices(before: ParsedMatrix, after: ParsedMatrix): string[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.flatMap((key) => {
    const was = before.get(key) ?? '·';
    const now = after.get(key) ?? '·';
    if (was === now) return [];
    const verb = was === '·' ? 'GAINS' : now === '·' ? 'LOSES' : 'CHANGES';
    return [`${verb}  ${key}: ${was} → ${now}`];
  });
}
