import { generateKeyPairSync } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { benchManifestFile } from './operations';
import type { PeerSettings } from './peer/settings';

export type Variant = 'ideal' | 'off' | 'full' | 'full×2' | 'peer';
export const VARIANTS: readonly Variant[] = ['ideal', 'off', 'full', 'full×2', 'peer'];
/** The operations the API in two processes (`full×2`, WEB_CONCURRENCY=2) is measured on, to see how it scales. */
export const SCALED_OPERATIONS: readonly string[] = ['children', 'child'];

export type RunningServer = { variant: Variant; pid: number; url: (path: string) => string; stop(): Promise<void> };

const ROOT = join(__dirname, '..');
const PORTS: Record<Variant, number> = { ideal: 4101, off: 4102, full: 4103, 'full×2': 4105, peer: 4104 };
/** The same pool for every variant: the ideal server's. */
const POOL_SIZE = '10';

/** The runtime flags of `npm start`, for every variant alike: a young generation large enough for a request's garbage. */
const NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * How each variant is started: the built API as in production (in one process, and in two), the same with
 * authorization off, the ideal, the peer.
 */
function command(variant: Variant): string[] {
  switch (variant) {
    case 'ideal':
      return [...NODE_FLAGS, '-r', '@swc-node/register', 'bench/ideal/ideal-server.ts', String(PORTS.ideal)];
    case 'off':
      return [...NODE_FLAGS, '-r', '@swc-node/register', 'bench/api-without-authorization.ts'];
    case 'full':
    case 'full×2':
      return [...NODE_FLAGS, 'dist/src/app/main.js'];
    case 'peer':
      return [...NODE_FLAGS, '-r', '@swc-node/register', 'bench/peer/peer-server.ts'];
  }
}

/** The access log's checkpoints are signed by the servers under test as in production. */
const BENCH_AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** What the peer needs besides the database: its own login, and each member of staff's settings (bench/peer/settings.ts). */
export type PeerSetup = { databaseUrl: string; settings: Record<string, PeerSettings> };

/** Starts one variant in a process of its own against `databaseUrl` and waits until it answers (the peer needs `peer`). */
export async function startServer(variant: Variant, databaseUrl: string, jwksUrl: string, peer?: PeerSetup): Promise<RunningServer> {
  const port = PORTS[variant];
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    BENCH_DATABASE_URL: databaseUrl,
    JWKS_URL: jwksUrl,
    AUDIT_SIGNING_KEY: BENCH_AUDIT_SIGNING_KEY,
    TRUSTED_DOCUMENTS: benchManifestFile(),
    DB_POOL_MAX: POOL_SIZE,
    LOG_LEVEL: 'warn',
    // The count still runs on every request; the limit is lifted so the load is not refused.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    // One member of staff sends the whole load: their share of the pool is still taken on every request, and
    // set to all but one connection, as the peer has the whole pool.
    CONCURRENT_REQUESTS_PER_STAFF: String(Number(POOL_SIZE) - 1),
    // Two processes share the same ten connections: the database sees what it sees of one.
    ...(variant === 'full×2' && {
      WEB_CONCURRENCY: '2',
      DB_POOL_MAX: String(Number(POOL_SIZE) / 2),
      CONCURRENT_REQUESTS_PER_STAFF: String(Number(POOL_SIZE) / 2 - 1),
    }),
    ...(peer && { PEER_DATABASE_URL: peer.databaseUrl, PEER_SETTINGS: JSON.stringify(peer.settings), GRAPHILE_ENV: 'production' }),
  };
  const child: ChildProcess = spawn(process.execPath, command(variant), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(base, HEALTH_PATHS[variant], child);
  return {
    variant,
    pid: child.pid!,
    url: (path) => `${base}${path}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A path each variant answers once it is up, whatever the answer. */
const HEALTH_PATHS: Record<Variant, string> = { ideal: '/', off: '/healthz', full: '/healthz', 'full×2': '/healthz', peer: '/graphql' };

async function waitUntilAnswering(base: string, path: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${base} exited with ${child.exitCode} before answering`);
    try {
      await fetch(`${base}${path}`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${base} did not answer within a minute`);
}
