// `npm start`: builds only when a source changed since the last build, then runs the API in this very process, so
// that the signals npm forwards (SIGTERM, SIGINT) reach the server itself, which drains its requests and stops.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** What the build reads: a change to any of them, and the next start builds again. */
const SOURCES = ['src', 'migrations', 'seeds', 'package-lock.json', '.swcrc'];
const STAMP = join(ROOT, 'dist', '.built-from');

/** The latest change under `path`, in milliseconds. */
function latestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, latestChange(join(path, name))), stat.mtimeMs);
}

// Settings from .env when there is one (see .env.example); a variable set in the environment wins.
if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));

const sources = Math.max(...SOURCES.map((path) => latestChange(join(ROOT, path))));
const built = existsSync(STAMP) ? Number(readFileSync(STAMP, 'utf8')) : 0;
if (sources > built) {
  const build = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', 'app', 'cli', 'build.cli.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, String(sources));
}
await import(pathToFileURL(join(ROOT, 'dist', 'src', 'app', 'main.js')).href);
