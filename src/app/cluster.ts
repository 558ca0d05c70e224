import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config';
import { migrate } from './database';
import type { Logger } from '../common/logger';

/** A worker that dies sooner than this after starting is not started again: it would only die again. */
const STEADY_AFTER_MS = 10_000;
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * WEB_CONCURRENCY > 1: this process migrates the database once, then runs that many copies of the API (node:cluster),
 * which share the port; each is what one instance on a machine of its own would be — its pool, its in-flight counts —
 * since the API keeps nothing between requests but in the database (the rate counts, the access log). A worker that
 * dies is replaced; SIGTERM or SIGINT drains every worker, then ends this process.
 */
export async function runWorkers(config: Config, log: Logger): Promise<void> {
  const applied = await migrate(config.migrationDatabaseUrl!, log);
  if (applied.length) log.info({ applied }, 'migrations applied');
  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal, livedMs: lived }, 'an API worker stopped');
    if (lived >= STEADY_AFTER_MS) fork();
    else if (startedAt.size === 0) process.exit(1);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    log.info({ signal, workers: startedAt.size }, 'shutting down the workers');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    for (const worker of startedAt.keys()) worker.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < config.webConcurrency; i += 1) fork();
  log.info({ workers: config.webConcurrency, port: config.port }, 'API workers starting');
}

/** Whether this process is to run the workers rather than serve: the primary of a WEB_CONCURRENCY > 1 configuration. */
export function runsWorkers(config: Config): boolean {
  return config.webConcurrency > 1 && cluster.isPrimary;
}
