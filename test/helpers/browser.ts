import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`, as .ci/run does), or the one CHROMIUM_PATH names. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * `describe` when a Chromium is installed; otherwise the block is skipped and the reason printed, never silently
 * (the browser's own download cannot reach its host, so the system's is used).
 */
export function withChromium(): jest.Describe {
  if (chromiumPath()) return describe;
  console.warn('skipped: no Chromium installed (apt-get install -y chromium, or set CHROMIUM_PATH)');
  return describe.skip;
}
