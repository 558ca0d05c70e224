import { el, notice, replaceChildren } from './dom';
import { RequestFailed } from './graphql';
import { loadViewer, type Viewer } from './permissions';
import { session } from './session';
import { renderSignIn } from './sign-in';

export type PageSpec = {
  /** Whether the viewer's rules let them read what the page shows. */
  mayOpen: (viewer: Viewer) => boolean;
  /** Said instead of the page to a viewer whose role it is not for. */
  notForRole: string;
  render: (main: HTMLElement, viewer: Viewer) => Promise<void>;
};

/** Explains a failure in words: an expired token asks to sign in again; anything else says what the API said. */
export function describeFailure(error: unknown): string {
  if (error instanceof RequestFailed) return `${error.message} (${error.code})`;
  return 'The API could not be reached. Try again in a moment.';
}

/** Signs in if needed, asks the API who the viewer is and what they may do, then renders the page or says why not. */
export async function startPage(spec: PageSpec, reason: string | null = null): Promise<void> {
  const root = document.getElementById('app')!;
  const restart = () => void startPage(spec);
  if (!session.token()) return renderSignIn(root, reason, restart);
  let viewer: Viewer;
  try {
    viewer = await loadViewer();
  } catch (error) {
    if (error instanceof RequestFailed && error.code === 'UNAUTHENTICATED') {
      session.signOut();
      return startPage(spec, 'The token was not accepted (invalid or expired): sign in again.');
    }
    return replaceChildren(root, notice('error', describeFailure(error)));
  }
  const signOut = el('button', { type: 'button', id: 'sign-out', class: 'no-print' }, 'Sign out');
  signOut.addEventListener('click', () => {
    session.signOut();
    restart();
  });
  const main = el('div', { class: 'page-body' });
  replaceChildren(
    root,
    el('p', { class: 'signed-in no-print' }, `Signed in as ${viewer.displayName} (${viewer.username}) `, signOut),
    main,
  );
  if (!spec.mayOpen(viewer)) return replaceChildren(main, notice('info', spec.notForRole));
  await spec.render(main, viewer);
}
