import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../graphql/errors';

const MAX_SEARCH_WORDS = 5;

/** `text` as an ILIKE pattern that finds it anywhere: `%`, `_` and `\` are characters, not wildcards. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The SQL condition that every word of `search` (at most five) is found, case aside: `found` gives the condition that
 * one word is found on a record, from the parameter holding its pattern. The patterns are set on `query`.
 */
export function everyWordFound<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  search: string,
  found: (pattern: string) => string,
): string {
  const words = search.split(/\s+/);
  if (words.length > MAX_SEARCH_WORDS) throw badUserInput('filter.search', `at most ${MAX_SEARCH_WORDS} words`);
  const conditions = words.map((word, i) => {
    query.setParameter(`searchWord${i}`, containing(word));
    return `(${found(`:searchWord${i}`)})`;
  });
  return `(${conditions.join(' AND ')})`;
}
