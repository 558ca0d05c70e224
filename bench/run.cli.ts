import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { demoStaff } from '../seeds/demo-staff';
import { migrate } from '../src/app/database';
import { describeError } from '../src/common/log-safe-error';
import { createLogger } from '../src/common/logger';
import { startIdentityProvider } from './identity-provider';
import { checkAnswers, load } from './load';
import { benchOperations, removeCreatedChildren } from './operations';
import { writeResults, type Measurement, type DatabaseRun } from './report';
import { measureRestrictionGrowth, type GrowthRow } from './restriction-growth';
import { measureStartup, type StartupFigures } from './startup';
import { startServer, VARIANTS, type RunningServer } from './servers';
import { countStatementsPerRequest } from './statement-counts';

/**
 * `npm run bench`: every operation of bench/operations.ts against three servers on the same data, in the
 * same run, interleaved — the ideal (hand-written SQL), the API with authorization off, the full API
 * (NODE_ENV=production) — with autocannon: warm-up, then a measured run, at 10 connections (and 1 and 50
 * for the first operation). Then the same at ten times the data, when BENCH_DATABASE_URL_10X is set.
 * On the first database, the list of 50 and the facts statement are measured again with 1,000 restricted records
 * and 1,000 past emergency grants added (bench/restriction-growth.ts).
 * Last, how long `npm start` takes to answer on the embedded database, first and then again (bench/startup.ts).
 * `--quick` shortens every run, to try the benchmark out; `--only NAME[,NAME…]` runs those operations (or
 * `restrictions`, the growth above, or `startup`) alone and prints their figures without replacing bench/results.md, which holds
 * whole runs only.
 */
const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const quick = flags.quick;
const only = flags.only?.split(',');
const WARM_UP_SECONDS = quick ? 1 : 5;
const MEASURED_SECONDS = quick ? 3 : 20;
const CONNECTIONS_OF_FIRST = [1, 10, 50];
const RESTRICTIONS = 'restrictions';
const STARTUP = 'startup';

function databases(): string[] {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) throw new Error('BENCH_DATABASE_URL is not set: generate the data with `npm run bench:data -- --children 100000`');
  return [base, process.env.BENCH_DATABASE_URL_10X].filter((url): url is string => Boolean(url));
}

async function runOn(
  databaseUrl: string,
  jwksUrl: string,
  tokenOf: (username: string) => Promise<string>,
  { withGrowth }: { withGrowth: boolean },
): Promise<DatabaseRun> {
  await migrate(databaseUrl, createLogger('warn'));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Every run adds to the append-only access log, which every read of a page then writes into: the size
  // the run starts from is reported with its figures (`bench:data -- --reset` starts again).
  const [{ children, accessLogEvents, postgres }] = (
    await client.query<{ children: number; accessLogEvents: number; postgres: string }>(
      `SELECT (SELECT count(*)::int FROM children) AS children, (SELECT count(*)::int FROM audit_events) AS "accessLogEvents",
              current_setting('server_version') AS postgres`,
    )
  ).rows as [{ children: number; accessLogEvents: number; postgres: string }];
  const removed = await removeCreatedChildren(client);
  const every = await benchOperations(client);
  const operations = every.filter((operation) => !only || only.includes(operation.name));
  const growthAsked = !only || only.includes(RESTRICTIONS);
  if (operations.length === 0 && !growthAsked) throw new Error(`--only names no operation of bench/operations.ts`);
  await client.end();
  console.log(
    `\n${(children - removed).toLocaleString('en-GB')} children, ${accessLogEvents.toLocaleString('en-GB')} access-log events (${new URL(databaseUrl).pathname.slice(1)}; ${removed} children left by earlier runs removed)`,
  );

  const statements = await countStatementsPerRequest(databaseUrl, jwksUrl, operations, tokenOf);
  const servers: RunningServer[] = [];
  const measurements: Measurement[] = [];
  try {
    for (const variant of VARIANTS) servers.push(await startServer(variant, databaseUrl, jwksUrl));
    for (const operation of operations) {
      const token = await tokenOf(operation.username);
      for (const server of servers) await checkAnswers(server, operation, token);
      const connectionCounts = operation === every[0] ? CONNECTIONS_OF_FIRST : [10];
      for (const connections of connectionCounts) {
        for (const server of servers) {
          await load(server, operation, token, connections, WARM_UP_SECONDS);
          // Requests the warm-up gave up on still hold the server's connections: let them finish first.
          await checkAnswers(server, operation, token);
          const result = await load(server, operation, token, connections, MEASURED_SECONDS);
          const measurement: Measurement = {
            operation: operation.name,
            variant: server.variant,
            connections,
            requestsPerSecond: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            failures: result.errors + result.timeouts + result.non2xx,
          };
          measurements.push(measurement);
          console.log(
            `  ${operation.name.padEnd(20)} ${server.variant.padEnd(5)} c=${String(connections).padEnd(3)} ${measurement.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${measurement.p50} ms  p99 ${measurement.p99} ms${measurement.failures ? `  FAILURES ${measurement.failures}` : ''}`,
          );
        }
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  let restrictionGrowth: GrowthRow[] | undefined;
  if (withGrowth && growthAsked) {
    console.log('\nrestrictions growing: without, then with 1,000 restricted records and 1,000 past emergency grants');
    restrictionGrowth = await measureRestrictionGrowth(databaseUrl, jwksUrl, every[0]!, tokenOf, {
      warmUp: WARM_UP_SECONDS,
      measured: MEASURED_SECONDS,
    });
  }
  return { children: children - removed, accessLogEvents, postgres, measurements, statements, restrictionGrowth };
}

async function main(): Promise<void> {
  const identity = await startIdentityProvider(4199);
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, identity.sign(demoStaff(username).id));
    return tokens.get(username)!;
  };
  try {
    const runs: DatabaseRun[] = [];
    const onDatabases = !only || only.some((name) => name !== STARTUP);
    if (onDatabases) {
      for (const [index, url] of databases().entries()) runs.push(await runOn(url, identity.jwksUrl, tokenOf, { withGrowth: index === 0 }));
    }
    let startup: StartupFigures | undefined;
    if (!only || only.includes(STARTUP)) {
      console.log('\nnpm start on the embedded database: first, then again');
      startup = await measureStartup();
    }
    const timing = { warmUpSeconds: WARM_UP_SECONDS, measuredSeconds: MEASURED_SECONDS };
    console.log(`\n${writeResults(runs, timing, startup, { toFile: !only })}`);
  } finally {
    await identity.close();
  }
}

main().catch((error) => {
  console.error(describeError(error));
  process.exit(1);
});
