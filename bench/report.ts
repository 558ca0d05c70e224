import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { GrowthRow } from './restriction-growth';
import { PAST_EMERGENCY_GRANTS, RESTRICTED_RECORDS } from './restrictions';
import type { StartupFigures } from './startup';
import type { Variant } from './servers';
import type { StatementCount } from './statement-counts';

export type Measurement = {
  operation: string;
  variant: Variant;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU milliseconds per request of the server's processes, and of PostgreSQL's. */
  serverCpuMs: number;
  postgresCpuMs: number;
  failures: number;
};

export type DatabaseRun = {
  children: number;
  /** The access log's size when the run began: each read of a page appends to it. */
  accessLogEvents: number;
  postgres: string;
  measurements: Measurement[];
  statements: Map<string, StatementCount>;
  /** The first database only: the list and the facts without and with restrictions (bench/restriction-growth.ts). */
  restrictionGrowth?: GrowthRow[];
};

const PACKAGES = ['@apollo/server', 'graphql', 'type-graphql', 'typeorm', 'pg', '@casl/ability', 'postgraphile', 'autocannon'];
/** The operations whose p50 growth at ten times the data has a target, and the target. */
const GROWTH_TARGETS: Record<string, number> = { children: 1.2, child: 1.2, boardPerformance: 2 };

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
const rps = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(0));

function find(run: DatabaseRun, operation: string, variant: Variant, connections: number): Measurement | undefined {
  return run.measurements.find((m) => m.operation === operation && m.variant === variant && m.connections === connections);
}

const ms = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2));

function table(run: DatabaseRun): string {
  const rows = [
    '| operation | conns | ideal req/s | off req/s | full req/s | peer req/s | full/peer | ideal/full | p50 ideal / off / full / peer (ms) | p99 full / peer (ms) | server CPU ms/req full / peer | PostgreSQL CPU ms/req full / peer | round trips: set-up + domain + end |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const keys = [...new Set(run.measurements.map((m) => `${m.operation}|${m.connections}`))];
  for (const key of keys) {
    const [operation, c] = key.split('|') as [string, string];
    const connections = Number(c);
    const [ideal, off, full, peer] = (['ideal', 'off', 'full', 'peer'] as const).map((v) => find(run, operation, v, connections));
    const s = run.statements.get(operation);
    const failures = [ideal, off, full, peer].reduce((n, m) => n + (m?.failures ?? 0), 0);
    rows.push(
      `| ${operation}${failures ? ` (${failures} failed)` : ''} | ${connections} | ${rps(ideal?.requestsPerSecond)} | ${rps(off?.requestsPerSecond)} | ${rps(full?.requestsPerSecond)} | ${rps(peer?.requestsPerSecond)} | ` +
        `${peer ? ratio(full?.requestsPerSecond ?? 0, peer.requestsPerSecond) : '—'} | ${ratio(ideal?.requestsPerSecond ?? 0, full?.requestsPerSecond ?? 0)} | ` +
        `${[ideal, off, full, peer].map((m) => m?.p50 ?? '—').join(' / ')} | ${full?.p99 ?? '—'} / ${peer?.p99 ?? '—'} | ` +
        `${ms(full?.serverCpuMs)} / ${ms(peer?.serverCpuMs)} | ${ms(full?.postgresCpuMs)} / ${ms(peer?.postgresCpuMs)} | ` +
        `${s ? `${s.setup} + ${s.domain} + ${s.end}${s.accessLog ? ' (with the access log)' : ''}` : '—'} |`,
    );
  }
  return rows.join('\n');
}

/** One target of the comparison with the peer: what is compared, the figure reached, the bound, and whether it holds. */
type Target = { what: string; reached: string; bound: string; met: boolean };

/** createChild's req/s through the full API at 10 connections on 100,000 children before this comparison's work. */
const CREATE_CHILD_BEFORE = 377;

function targets(run: DatabaseRun): Target[] {
  const found: Target[] = [];
  const at = (operation: string, variant: Variant, connections: number) => find(run, operation, variant, connections);
  const add = (what: string, value: number | undefined, bound: number, atMost: boolean, unit = '×') => {
    if (value === undefined || !Number.isFinite(value)) return;
    found.push({
      what,
      reached: `${value.toFixed(2)}${unit}`,
      bound: `${atMost ? '≤' : '≥'} ${bound}${unit}`,
      met: atMost ? value <= bound : value >= bound,
    });
  };
  for (const operation of ['children', 'child']) {
    for (const connections of [10, 1]) {
      const [full, peer, ideal] = (['full', 'peer', 'ideal'] as const).map((v) => at(operation, v, connections));
      if (!full || !peer) continue;
      add(`${operation}, ${connections} conn.: full/peer req/s`, full.requestsPerSecond / peer.requestsPerSecond, 1.2, false);
      if (connections === 10) {
        add(`${operation}: server CPU per request, full/peer`, full.serverCpuMs / peer.serverCpuMs, 1, true);
        add(`${operation}: PostgreSQL CPU per request, full/peer`, full.postgresCpuMs / peer.postgresCpuMs, 1, true);
        add(`${operation}: p99 at 10 connections, full/peer`, full.p99 / peer.p99, 1, true);
        if (ideal)
          add(`${operation}: ideal/full req/s`, ideal.requestsPerSecond / full.requestsPerSecond, operation === 'child' ? 3 : 2, true);
      }
    }
  }
  const [households, householdsPeer] = (['full', 'peer'] as const).map((v) => at('households', v, 10));
  if (households && householdsPeer)
    add('households: full/peer req/s', households.requestsPerSecond / householdsPeer.requestsPerSecond, 1, false);
  const created = at('createChild', 'full', 10);
  if (created) add(`createChild: req/s against ${CREATE_CHILD_BEFORE} before`, created.requestsPerSecond / CREATE_CHILD_BEFORE, 1.2, false);
  return found;
}

/** How the API's throughput grows from one process to two on the same machine and database. */
function scalingTable(run: DatabaseRun): string {
  const rows = run.measurements
    .filter((m) => m.variant === 'full×2')
    .map((two) => {
      const one = find(run, two.operation, 'full', two.connections);
      if (!one) return '';
      return `| ${two.operation} | ${two.connections} | ${rps(one.requestsPerSecond)} | ${rps(two.requestsPerSecond)} | ${ratio(two.requestsPerSecond, one.requestsPerSecond)}× | ${ms(one.serverCpuMs)} / ${ms(two.serverCpuMs)} | ${ms(one.postgresCpuMs)} / ${ms(two.postgresCpuMs)} |`;
    })
    .filter(Boolean);
  if (rows.length === 0) return '';
  return [
    'One process against two (WEB_CONCURRENCY=2, the same ten connections to the database between them), on these cores, which PostgreSQL and the load generator share:',
    '',
    '| operation | conns | 1 process req/s | 2 processes req/s | growth | server CPU ms/req 1 / 2 | PostgreSQL CPU ms/req 1 / 2 |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function targetTable(run: DatabaseRun): string {
  const rows = targets(run).map((t) => `| ${t.what} | ${t.reached} | ${t.bound} | ${t.met ? 'met' : '**missed**'} |`);
  if (rows.length === 0) return '';
  return [
    'Against the peer (PostGraphile 5 with the same Row-Level Security):',
    '',
    '| target | reached | bound | |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function growth(runs: DatabaseRun[]): string {
  if (runs.length < 2) return 'Ten times the data: not run (set BENCH_DATABASE_URL_10X).';
  const [small, large] = [runs[0]!, runs[runs.length - 1]!];
  const rows = ['| operation (full API, 10 connections) | p50 small (ms) | p50 large (ms) | growth | target |', '|---|---|---|---|---|'];
  for (const operation of [...new Set(small.measurements.map((m) => m.operation))]) {
    const a = find(small, operation, 'full', 10);
    const b = find(large, operation, 'full', 10);
    if (!a || !b) continue;
    const target = GROWTH_TARGETS[operation];
    rows.push(`| ${operation} | ${a.p50} | ${b.p50} | ${ratio(b.p50, a.p50)}× | ${target ? `≤ ${target}×` : '—'} |`);
  }
  return `Ten times the data (${small.children.toLocaleString('en-GB')} → ${large.children.toLocaleString('en-GB')} children):\n\n${rows.join('\n')}`;
}

/** Within 10% of the p50 without restrictions. */
const RESTRICTION_GROWTH_TARGET = 1.1;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function restrictionGrowth(run: DatabaseRun): string {
  if (!run.restrictionGrowth) return 'Restrictions growing: not run.';
  const rows = [
    `| measured (${run.children.toLocaleString('en-GB')} children) | p50 without (ms) | p50 with (ms) | with/without | target |`,
    '|---|---|---|---|---|',
    ...run.restrictionGrowth.map(({ measured, without, with: restricted }) => {
      const [a, b] = [median(without), median(restricted)];
      return `| ${measured} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${ratio(b, a)}× | ≤ ${RESTRICTION_GROWTH_TARGET}× |`;
    }),
  ];
  return [
    `Restrictions growing: the same data with ${RESTRICTED_RECORDS.toLocaleString('en-GB')} restricted records and ${PAST_EMERGENCY_GRANTS.toLocaleString('en-GB')} past emergency grants added`,
    '(bench/restrictions.ts; the list of 50 through the full API at 10 connections, the facts statement alone, 2,000 times in a request scope;',
    'each p50 the median of four rounds a side, interleaved without / with).',
    '',
    ...rows,
  ].join('\n');
}

/** `npm start` answering within these, first (migrate, seed) and on a later start. */
const STARTUP_TARGETS = { firstMs: 5000, laterMs: 2000 };

function startupTable(startup: StartupFigures | undefined): string {
  if (!startup) return 'Start-up: not run.';
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return [
    'Start-up: from `npm start` to "APSE API ready" on the embedded database in a fresh folder (bench/startup.ts), after',
    'the build `npm install` runs (`prepare`; `npm start` builds again only when a source changed).',
    '',
    '| step | seconds | target |',
    '|---|---|---|',
    `| build (\`npm install\`, or a start after a change) | ${seconds(startup.buildMs)} | |`,
    `| first start (migrate, seed the demo) | ${seconds(startup.firstMs)} | ≤ ${seconds(STARTUP_TARGETS.firstMs)} |`,
    `| later (nothing to build or migrate) | ${seconds(startup.laterMs)} | ≤ ${seconds(STARTUP_TARGETS.laterMs)} |`,
  ].join('\n');
}

/**
 * Where the time goes, for each target missed: written by hand from `npm run bench:profile` after a whole run
 * (bench/where-the-time-goes.md), and carried into every report until the next such reading replaces it.
 */
function whereTheTimeGoes(): string {
  const file = join(__dirname, 'where-the-time-goes.md');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

/** The report's text, written to bench/results.md unless `toFile` is false. */
export function writeResults(
  runs: DatabaseRun[],
  timing: { warmUpSeconds: number; measuredSeconds: number; repeats: number },
  startup: StartupFigures | undefined,
  { toFile } = { toFile: true },
): string {
  const versions = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const pinned = PACKAGES.map((name) => `${name} ${versions.dependencies[name] ?? versions.devDependencies[name]}`).join(', ');
  const cpu = cpus();
  const text = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu.length} cores (${cpu[0]?.model.trim()}), Node ${process.version}, ` +
      `PostgreSQL ${runs[0]?.postgres} on the same machine; ${pinned}.`,
    `Each cell: ${timing.warmUpSeconds} s warm-up, then ${timing.measuredSeconds} s measured (autocannon); the variants interleaved per operation${timing.repeats > 1 ? `; where the peer serves the operation, ${timing.repeats} such rounds and their medians` : ', one round'}.`,
    'ideal = hand-written SQL behind node:http; off = the built API with an allow-all policy and no Row-Level Security (bench/api-without-authorization.ts); full = the built API, NODE_ENV=production;',
    'peer = PostGraphile 5 over the same tables with the same Row-Level Security and request settings (bench/peer), which serves the lists, households and the child by id.',
    "CPU per request: the CPU time the server's processes, and all of PostgreSQL's, spent during the measured run over the requests answered (Linux /proc).",
    'Round trips to the database per request of the full API: the set-up (BEGIN with the actor, rate count and settings, and the facts, in one message) is the same for every operation; the end is the COMMIT, with the access-log append in the same message where the request read sensitive fields.',
    '',
    ...runs.flatMap((run) => [
      `## ${run.children.toLocaleString('en-GB')} children`,
      '',
      `${run.accessLogEvents.toLocaleString('en-GB')} access-log events when the run began.`,
      '',
      table(run),
      '',
      targetTable(run),
      '',
      scalingTable(run),
      '',
    ]),
    growth(runs),
    '',
    ...(runs[0] ? [restrictionGrowth(runs[0]), ''] : []),
    startupTable(startup),
    '',
    whereTheTimeGoes(),
    '',
  ].join('\n');
  if (toFile) writeFileSync(join(__dirname, 'results.md'), text);
  return text;
}
