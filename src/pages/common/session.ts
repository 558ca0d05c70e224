const KEY = 'apse.token';

/** The bearer token lives for the browser tab only: closing it signs out, and no other tab or site reads it. */
export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  signIn: (token: string): void => sessionStorage.setItem(KEY, token.trim()),
  signOut: (): void => sessionStorage.removeItem(KEY),
};
