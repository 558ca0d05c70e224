// Builds the API (dist/) when a source changed since the last build: run by `npm install` (the `prepare` script),
// so that a first `npm start` finds it built, and by `npm start`, so that an edited source is never run stale.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** What the build reads: a change to any of them, and the next start builds again. */
const SOURCES = ['src', 'migrations', 'seeds', 'package-lock.json', '.swcrc'];
const STAMP = join(ROOT, 'dist', '.built-from');

/** The latest change under `path`, in milliseconds. */
function latestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, latestChange(join(path, name))), stat.mtimeMs);
}

/** Builds unless dist/ is as new as the sources; exits the process when the build fails. */
export function buildIfChanged() {
  const sources = Math.max(...SOURCES.map((path) => latestChange(join(ROOT, path))));
  const built = existsSync(STAMP) ? Number(readFileSync(STAMP, 'utf8')) : 0;
  if (sources <= built) return;
  const build = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', 'app', 'cli', 'build.cli.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, String(sources));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfChanged();
