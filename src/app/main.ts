import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { isSeeded, seedDemoData } from '../../seeds/seed';
import { scheduleCheckpoints } from '../audit/checkpoint-schedule';
import { loadSigningKey } from '../audit/signing-key';
import { clockDaysAhead, systemClock } from '../common/clock';
import { runsWorkers, runWorkers } from './cluster';
import { ConfigError, isLoopback, loadConfig, type Config } from './config';
import { openDatabase } from './database';
import { appDepsFrom } from './request-context';
import { describeError } from '../common/log-safe-error';
import { createLogger } from '../common/logger';
import { signDemoTokens } from './demo-tokens';
import { PAGES } from './pages-bundle';
import { createServer } from './server';

const SHUTDOWN_GRACE_MS = 10_000;

async function printDemoTokens(config: Config, origin: string): Promise<void> {
  const lines = (await signDemoTokens(config.jwt)).map((t) => `  ${t.username.padEnd(13)} ${t.token}`);
  console.log(`\nDemo tokens (8 hours; Authorization: Bearer <token>):\n${lines.join('\n')}\n`);
  console.log(`Pages (pick a demo identity there): ${pageUrls(origin).join('  ')}\n`);
}

const pageUrls = (origin: string) => PAGES.map((page) => `${origin}/${page}`);

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig(process.env, process.stdout.isTTY === true);
  const log = createLogger(config.logLevel, undefined, config.logPretty);
  if (runsWorkers(config)) return runWorkers(config, log);
  const database = await openDatabase(config, log);
  const seeds = database.embedded && config.seedDemoData && !(await isSeeded(database.dataSource));
  // The server is built while the database's thread writes the demo data.
  const [seeded, server] = await Promise.all([
    seeds ? seedDemoData(database.dataSource) : null,
    createServer(appDepsFrom(config, database.dataSource, log, clockDaysAhead(config.devDaysAhead))),
  ]);
  if (seeded) log.info(seeded, 'demo data seeded');
  const checkpoints = scheduleCheckpoints(
    (sql, params) => database.dataSource.query(sql, params),
    loadSigningKey(config),
    config.auditCheckpointMinutes,
    systemClock,
    log,
  );
  const http = server.app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => http.once('listening', resolve).once('error', reject));

  const origin = `http://${config.host}:${config.port}`;
  const url = `${origin}/graphql`;
  log.info(
    {
      url,
      pages: pageUrls(origin),
      embedded: database.embedded,
      // How many documents of TRUSTED_DOCUMENTS run besides the pages' own; null: any operation runs.
      trustedDocuments: config.trustedDocuments?.size ?? null,
      startupMs: Math.round(performance.now() - started),
    },
    'APSE API ready',
  );
  if (config.usesDevSecret) {
    log.warn(
      { host: config.host },
      isLoopback(config.host)
        ? 'tokens are signed with the development secret: listening on loopback only'
        : 'tokens are signed with the development secret and the API listens beyond loopback (ALLOW_DEV_SECRET_ON_NETWORK)',
    );
  }
  if (config.devDaysAhead > 0)
    log.warn({ daysAhead: config.devDaysAhead }, "the API's calendar runs ahead of the real one (DEV_DAYS_AHEAD)");
  if (database.embedded && config.nodeEnv !== 'production') await printDemoTokens(config, origin);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    http.close(async () => {
      await server.stop();
      await checkpoints.stop();
      await database.close();
      process.exit(0);
    });
    http.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  const reason = error instanceof ConfigError ? error.message : `cannot start: ${describeError(error)}`;
  console.error(reason);
  process.exit(1);
});
