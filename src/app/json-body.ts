/**
 * A JSON text's first key that appears twice in one object, or null. `JSON.parse` keeps the last silently, so
 * two parsers (a proxy's and ours) could read one body two ways: such a body is refused.
 */
export function duplicateJsonKey(text: string): string | null {
  const scopes: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const scope = scopes.at(-1);
      if (expectKey && scope) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (scope.has(key)) return key;
        scope.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      scopes.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      scopes.push(null);
    } else if (c === '}' || c === ']') {
      scopes.pop();
    } else if (c === ',') {
      expectKey = scopes.at(-1) instanceof Set;
    }
  }
  return null;
}
