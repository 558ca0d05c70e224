import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedServerOptions } from './embedded-server';

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock file names the process holding the data directory and, once it serves, the URL it serves on. */
function readLock(lockFile: string): { pid: number; url: string | null } | null {
  try {
    const [pid, url] = readFileSync(lockFile, 'utf8').split('\n');
    return { pid: Number(pid), url: url || null };
  } catch {
    return null;
  }
}

/**
 * One process at a time per data directory: two PGlite instances on the same files corrupt them.
 * A lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): { lockFile: string; unlock: () => void } {
  const lockFile = `${dataDir}.lock`;
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch {
    const holder = readLock(lockFile)?.pid ?? 0;
    if (holder !== process.pid && isRunning(holder)) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${holder}: stop it, or set EMBEDDED_DATA_DIR`);
    }
    writeFileSync(lockFile, String(process.pid), { mode: 0o600 });
  }
  return { lockFile, unlock: () => rmSync(lockFile, { force: true }) };
}

/**
 * The URL of the embedded database a running process serves from `dataDir`, or null when none does:
 * the command-line tools (audit:verify, audit:checkpoints, audit:export) connect to it rather than open
 * the files a second time.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const lock = readLock(`${dataDir}.lock`);
  return lock && lock.pid !== process.pid && isRunning(lock.pid) ? lock.url : null;
}

/** The server's thread runs compiled (dist) as it is, and from the TypeScript sources (tests, tools) through swc. */
const SERVER_THREAD = join(__dirname, `embedded-server${extname(__filename)}`);
const SERVER_THREAD_ARGS = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];

/** Starts the embedded database's thread (embedded-server.ts); resolves once it serves. */
function startServerThread(options: EmbeddedServerOptions): Promise<Worker> {
  const thread = new Worker(SERVER_THREAD, { workerData: options, execArgv: SERVER_THREAD_ARGS });
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      thread.off('exit', stopped);
      reject(error);
    };
    const stopped = (code: number) => {
      thread.off('error', failed);
      reject(new Error(`the embedded database stopped before it served (exit code ${code})`));
    };
    thread.once('error', failed).once('exit', stopped);
    // Once serving, an error of the database's thread is left unhandled: the API stops rather than run without it.
    thread.once('message', () => {
      thread.off('error', failed).off('exit', stopped);
      resolve(thread);
    });
  });
}

/** The port number only names the socket file (`.s.PGSQL.5432`), as PostgreSQL's own clients expect it. */
const SOCKET_PORT = 5432;

/**
 * PostgreSQL in process (PGlite, on a thread of its own), served to the ordinary `pg` driver on a Unix socket in a
 * directory of its own that only this operating-system user may enter: PGlite's one login is a superuser without a
 * password, so a loopback port would let any local process read every child's record past Row-Level Security. `dataDir` null keeps it in
 * memory (tests). Every socket connection shares PGlite's one session, so the server admits a few more connections
 * than the pool opens.
 */
export async function startEmbeddedPostgres(dataDir: string | null, poolMax: number): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock = dataDir ? lockDataDir(dataDir) : null;
  const unlock = lock?.unlock ?? (() => undefined);
  const socketDir = mkdtempSync(join(tmpdir(), 'apse-pglite-'));
  try {
    const thread = await startServerThread({
      dataDir,
      socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
      maxConnections: poolMax + 4,
    });
    const url = `postgres://postgres@${encodeURIComponent(socketDir)}:${SOCKET_PORT}/postgres`;
    if (lock) writeFileSync(lock.lockFile, `${process.pid}\n${url}`, { mode: 0o600 });
    return {
      url,
      stop: async () => {
        try {
          const exited = new Promise((resolve) => thread.once('exit', resolve));
          thread.postMessage('stop');
          await exited;
        } finally {
          rmSync(socketDir, { recursive: true, force: true });
          unlock();
        }
      },
    };
  } catch (error) {
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
    throw error;
  }
}
