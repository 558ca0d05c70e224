import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BUILD_STAMP = join(ROOT, 'dist', '.built-from');
const PORT = 4104;

/** How long `npm start` took to answer, first (build, migrate, seed the demo) and then again (nothing to do). */
export type StartupFigures = { firstMs: number; laterMs: number };

/** From `npm start` to "APSE API ready", as a new user waits for it, on the embedded database in a fresh folder. */
async function timedStart(dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), EMBEDDED_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
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

/** The first start after a change to the sources (the build is forced), then a second on the same data. */
export async function measureStartup(): Promise<StartupFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'apse-bench-startup-'));
  try {
    rmSync(BUILD_STAMP, { force: true });
    const firstMs = await timedStart(join(dataDir, 'pglite'));
    const laterMs = await timedStart(join(dataDir, 'pglite'));
    return { firstMs, laterMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
