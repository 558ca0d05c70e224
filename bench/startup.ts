import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BUILD_STAMP = join(ROOT, 'dist', '.built-from');
const PORT = 4104;

/**
 * How long the build `npm install` runs took (its `prepare` script), and `npm start` to answer: first (migrate, seed
 * the demo) and then again (nothing to do).
 */
export type StartupFigures = { buildMs: number; firstMs: number; laterMs: number };

/** From `npm start` to "APSE API ready", as a new user waits for it, on the embedded database in a fresh folder. */
async function timedStart(dataDir: string): Promise<number> {
  // A compile cache of this run's own, empty for the first start as on a new machine.
  const compileCache = join(dataDir, '..', 'compile-cache');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    EMBEDDED_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_COMPILE_CACHE: compileCache,
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    npm.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('APSE API ready')) resolve();
    });
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready`)));
  });
  const ms = performance.now() - started;
  npm.kill('SIGTERM');
  await exited;
  return ms;
}

/** The build as `npm install` runs it (forced), the first start after it, then a second on the same data. */
export async function measureStartup(): Promise<StartupFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'apse-bench-startup-'));
  try {
    rmSync(BUILD_STAMP, { force: true });
    const building = performance.now();
    const build = spawnSync('npm', ['run', '--silent', 'prepare'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`the build failed (exit code ${build.status})`);
    const buildMs = performance.now() - building;
    const firstMs = await timedStart(join(dataDir, 'pglite'));
    const laterMs = await timedStart(join(dataDir, 'pglite'));
    return { buildMs, firstMs, laterMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
