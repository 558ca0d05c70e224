import { el, notice, replaceChildren } from './dom';
import { session } from './session';

type DemoToken = { username: string; displayName: string; token: string };

/** The demo identities' tokens, offered by the API in development only (404 in production). */
async function demoTokens(): Promise<DemoToken[] | null> {
  const response = await fetch('/pages/demo-tokens.json');
  return response.ok ? ((await response.json()) as DemoToken[]) : null;
}

/**
 * Signing in: in development a picker over the demo identities, and always a field for a token from the
 * identity provider. The token is kept in sessionStorage, for this tab only.
 */
export async function renderSignIn(root: HTMLElement, reason: string | null, signedIn: () => void): Promise<void> {
  const demo = await demoTokens();
  const picker =
    demo &&
    el(
      'select',
      { id: 'demo-identity', 'aria-label': 'Demo identity' },
      ...demo.map((d) => el('option', { value: d.token }, `${d.username} — ${d.displayName}`)),
    );
  const pick = el('button', { type: 'button', id: 'use-demo-identity' }, 'Sign in as this demo identity');
  pick.addEventListener('click', () => {
    session.signIn(picker!.value);
    signedIn();
  });
  const pasted = el('textarea', { id: 'pasted-token', rows: '3', 'aria-label': 'Token', spellcheck: 'false', autocomplete: 'off' });
  const paste = el('button', { type: 'button', id: 'use-pasted-token' }, 'Sign in with this token');
  paste.addEventListener('click', () => {
    if (!pasted.value.trim()) return;
    session.signIn(pasted.value);
    signedIn();
  });
  replaceChildren(
    root,
    el(
      'section',
      { class: 'sign-in' },
      el('h2', {}, 'Sign in'),
      reason && notice('warning', reason),
      picker && el('div', { class: 'field' }, el('label', { for: 'demo-identity' }, 'Development: a demo identity'), picker, pick),
      el('div', { class: 'field' }, el('label', { for: 'pasted-token' }, 'A token from the identity provider'), pasted, paste),
      el('p', { class: 'hint' }, 'The token stays in this browser tab and is forgotten when it closes.'),
    ),
  );
}
