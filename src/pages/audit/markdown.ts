import { el } from '../common/dom';

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const isRule = (line: string) => /^\s*\|?\s*:?-{3,}/.test(line);
const plain = (text: string) => text.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');

/**
 * The access matrix's markdown as HTML: headings, pipe tables and paragraphs, all as text (nothing in it is
 * parsed as HTML). That is all the matrix generator writes.
 */
export function renderMarkdown(markdown: string): HTMLElement {
  const out = el('div', { class: 'markdown' });
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      out.append(el(`h${Math.min(6, heading[1]!.length + 2)}` as 'h3', {}, plain(heading[2]!)));
    } else if (line.trim().startsWith('|') && isRule(lines[i + 1] ?? '')) {
      const header = cells(line);
      const body: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i += 1) body.push(cells(lines[i]!));
      i -= 1;
      out.append(
        el(
          'div',
          { class: 'table-scroll' },
          el(
            'table',
            {},
            el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, plain(h))))),
            el('tbody', {}, ...body.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, plain(c)))))),
          ),
        ),
      );
    } else if (line.trim()) {
      out.append(el('p', {}, plain(line)));
    }
  }
  return out;
}
