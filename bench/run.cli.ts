import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { demoStaff } from '../seeds/demo-staff';
import { migrate } from '../src/app/database';
import { describeError } from '../src/common/log-safe-error';
import { createLogger } from '../src/common/logger';
import { startIdentityProvider } from './identity-provider';
import { isDeepStrictEqual } from 'node:util';
import { cpuSnapshot } from './cpu';
import { checkAnswers, load } from './load';
import { benchDatabaseUrl, benchOperations, recordsOf, removeCreatedChildren, type BenchOperation } from './operations';
import { peerDatabaseUrl } from './peer/login';
import { settingsOf } from './peer/settings';
import { median, writeResults, type Measurement, type DatabaseRun } from './report';
import { measureRestrictionGrowth, type GrowthRow } from './restriction-growth';
import { measureStartup, type StartupFigures } from './startup';
import { SCALED_OPERATIONS, startServer, VARIANTS, type RunningServer, type Variant } from './servers';
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
const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, repeats: { type: 'string', default: '3' } },
});
const quick = flags.quick;
const only = flags.only?.split(',');
const WARM_UP_SECONDS = quick ? 1 : 5;
const MEASURED_SECONDS = quick ? 3 : 20;
/** The connections each operation is measured at: 10, and for the list and the child by id also 1 (and 50 for the list). */
const CONNECTIONS: Record<string, number[]> = { children: [1, 10, 50], child: [1, 10] };
/** Rounds of the operations the peer serves, interleaved variant by variant; each cell is their median. */
const REPEATS = quick ? 1 : Number(flags.repeats);
const RESTRICTIONS = 'restrictions';
const STARTUP = 'startup';

function databases(): string[] {
  return [benchDatabaseUrl(), process.env.BENCH_DATABASE_URL_10X].filter((url): url is string => Boolean(url));
}

/** The records the API answers with must be the peer's, and every variant must answer, before any is measured. */
async function checkSameRecords(servers: RunningServer[], operation: BenchOperation, token: string): Promise<void> {
  const answers = new Map<Variant, Record<string, unknown>>();
  for (const server of servers) answers.set(server.variant, await checkAnswers(server, operation, token));
  if (!operation.peer) return;
  const api = recordsOf(operation, answers.get('full')!);
  const peer = operation.peer.records(answers.get('peer')! as never);
  if (!isDeepStrictEqual(api, peer) || api.length === 0)
    throw new Error(`${operation.name}: the peer answers other records than the API (${peer.length} against ${api.length})`);
}

type Sample = Omit<Measurement, 'operation' | 'variant' | 'connections'>;

/** A warm-up, then a measured run, with the CPU the server's processes and PostgreSQL's spent on it per request. */
async function measure(server: RunningServer, operation: BenchOperation, token: string, connections: number): Promise<Sample> {
  await load(server, operation, token, connections, WARM_UP_SECONDS);
  // Requests the warm-up gave up on still hold the server's connections: let them finish first.
  await checkAnswers(server, operation, token);
  const before = cpuSnapshot(server.pid);
  const result = await load(server, operation, token, connections, MEASURED_SECONDS);
  const after = cpuSnapshot(server.pid);
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverCpuMs: (after.serverMs - before.serverMs) / requests,
    postgresCpuMs: (after.postgresMs - before.postgresMs) / requests,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Each figure's median over the rounds; the failures of every round. */
function medianOf(samples: Sample[]): Sample {
  const middle = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    requestsPerSecond: middle((s) => s.requestsPerSecond),
    p50: middle((s) => s.p50),
    p99: middle((s) => s.p99),
    serverCpuMs: middle((s) => s.serverCpuMs),
    postgresCpuMs: middle((s) => s.postgresCpuMs),
    failures: samples.reduce((n, s) => n + s.failures, 0),
  };
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
  const peer = {
    databaseUrl: await peerDatabaseUrl(databaseUrl),
    settings: await settingsOf(databaseUrl, [...new Set(operations.filter((o) => o.peer).map((o) => demoStaff(o.username).id))]),
  };
  const servers: RunningServer[] = [];
  const measurements: Measurement[] = [];
  try {
    for (const variant of VARIANTS) servers.push(await startServer(variant, databaseUrl, jwksUrl, peer));
    for (const operation of operations) {
      const token = await tokenOf(operation.username);
      const serving = servers.filter(
        (server) =>
          (server.variant !== 'peer' || operation.peer) && (server.variant !== 'full×2' || SCALED_OPERATIONS.includes(operation.name)),
      );
      await checkSameRecords(serving, operation, token);
      const repeats = operation.peer ? REPEATS : 1;
      for (const connections of CONNECTIONS[operation.name] ?? [10]) {
        const samples = new Map<RunningServer, Sample[]>(serving.map((server) => [server, []]));
        for (let repeat = 0; repeat < repeats; repeat += 1) {
          for (const server of serving) samples.get(server)!.push(await measure(server, operation, token, connections));
        }
        for (const [server, taken] of samples) {
          const measurement: Measurement = { operation: operation.name, variant: server.variant, connections, ...medianOf(taken) };
          measurements.push(measurement);
          console.log(
            `  ${operation.name.padEnd(20)} ${server.variant.padEnd(5)} c=${String(connections).padEnd(3)} ${measurement.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${measurement.p50} ms  p99 ${measurement.p99} ms  ` +
              `CPU ms/req server ${measurement.serverCpuMs.toFixed(2)} PostgreSQL ${measurement.postgresCpuMs.toFixed(2)}${measurement.failures ? `  FAILURES ${measurement.failures}` : ''}`,
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

/** PostGraphile 5, the peer, needs Node 22 or later; so does the API (package.json engines). */
const NODE_NEEDED = 22;

async function main(): Promise<void> {
  if (Number(process.versions.node.split('.')[0]) < NODE_NEEDED)
    throw new Error(`the benchmark needs Node ${NODE_NEEDED} or later (the peer, PostGraphile 5, does)`);
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
    const timing = { warmUpSeconds: WARM_UP_SECONDS, measuredSeconds: MEASURED_SECONDS, repeats: REPEATS };
    console.log(`\n${writeResults(runs, timing, startup, { toFile: !only })}`);
  } finally {
    await identity.close();
  }
}

main().catch((error) => {
  console.error(describeError(error));
  process.exit(1);
});
