import { readFileSync, writeFileSync } from 'node:fs';
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

const PACKAGES = ['@apollo/server', 'graphql', 'type-graphql', 'typeorm', 'pg', '@casl/ability', 'autocannon'];
/** The operations whose p50 growth at ten times the data has a target, and the target. */
const GROWTH_TARGETS: Record<string, number> = { children: 1.2, child: 1.2, boardPerformance: 2 };

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
const rps = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(0));

function find(run: DatabaseRun, operation: string, variant: Variant, connections: number): Measurement | undefined {
  return run.measurements.find((m) => m.operation === operation && m.variant === variant && m.connections === connections);
}

function table(run: DatabaseRun): string {
  const rows = [
    '| operation | conns | ideal req/s | off req/s | full req/s | ideal/full | off/full | p50 ideal / off / full (ms) | p99 full (ms) | round trips: set-up + domain + end |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const keys = [...new Set(run.measurements.map((m) => `${m.operation}|${m.connections}`))];
  for (const key of keys) {
    const [operation, c] = key.split('|') as [string, string];
    const connections = Number(c);
    const [ideal, off, full] = (['ideal', 'off', 'full'] as const).map((v) => find(run, operation, v, connections));
    const s = run.statements.get(operation);
    const failures = [ideal, off, full].reduce((n, m) => n + (m?.failures ?? 0), 0);
    rows.push(
      `| ${operation}${failures ? ` (${failures} failed)` : ''} | ${connections} | ${rps(ideal?.requestsPerSecond)} | ${rps(off?.requestsPerSecond)} | ${rps(full?.requestsPerSecond)} | ` +
        `${ratio(ideal?.requestsPerSecond ?? 0, full?.requestsPerSecond ?? 0)} | ${ratio(off?.requestsPerSecond ?? 0, full?.requestsPerSecond ?? 0)} | ` +
        `${ideal?.p50 ?? '—'} / ${off?.p50 ?? '—'} / ${full?.p50 ?? '—'} | ${full?.p99 ?? '—'} | ` +
        `${s ? `${s.setup} + ${s.domain} + ${s.end}${s.accessLog ? ' (with the access log)' : ''}` : '—'} |`,
    );
  }
  return rows.join('\n');
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
const median = (values: number[]) => {
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

/** The report's text, written to bench/results.md unless `toFile` is false. */
export function writeResults(
  runs: DatabaseRun[],
  timing: { warmUpSeconds: number; measuredSeconds: number },
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
    `Each cell: ${timing.warmUpSeconds} s warm-up, then ${timing.measuredSeconds} s measured (autocannon); the three variants interleaved per operation.`,
    'ideal = hand-written SQL behind node:http; off = the built API with an allow-all policy and no Row-Level Security (bench/api-without-authorization.ts); full = the built API, NODE_ENV=production.',
    'Round trips to the database per request of the full API: the set-up (BEGIN with the actor, rate count and settings, and the facts, in one message) is the same for every operation; the end is the COMMIT, with the access-log append in the same message where the request read sensitive fields.',
    '',
    ...runs.flatMap((run) => [
      `## ${run.children.toLocaleString('en-GB')} children`,
      '',
      `${run.accessLogEvents.toLocaleString('en-GB')} access-log events when the run began.`,
      '',
      table(run),
      '',
    ]),
    growth(runs),
    '',
    ...(runs[0] ? [restrictionGrowth(runs[0]), ''] : []),
    startupTable(startup),
    '',
  ].join('\n');
  if (toFile) writeFileSync(join(__dirname, 'results.md'), text);
  return text;
}
