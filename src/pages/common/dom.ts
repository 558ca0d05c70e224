type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | boolean | undefined>;

/** An element with attributes and children: text is always text, never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(
    ...children
      .filter((c) => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === 'number' ? String(c) : (c as Node | string))),
  );
  return element;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  parent.append(
    ...children
      .filter((c) => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === 'number' ? String(c) : (c as Node | string))),
  );
}

/** A notice in the page's own words: the role's, the network's or the server's reason, never a stack. */
export function notice(kind: 'info' | 'warning' | 'error', text: string): HTMLElement {
  return el('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
