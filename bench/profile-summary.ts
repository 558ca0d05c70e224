/** A V8 CPU profile (`node --cpu-prof`): call-tree nodes, and which node each sample landed in after how long. */
export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  /** Microseconds, on the profiled process's clock. */
  startTime: number;
  endTime: number;
};

/** A share of the profile: what, and its percentage of the samples taken while the process was not idle. */
export type Share = { name: string; percent: number };

/** Where code comes from: a package, a folder of the API (`api:access`), Node itself, or V8 and the system (`native`). */
function originOf(url: string): string {
  if (!url) return 'native';
  const inPackage = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (inPackage) return inPackage[1]!;
  const inApi = url.split('/dist/src/')[1];
  if (inApi) return `api:${inApi.split('/')[0]}`;
  return url.startsWith('node:') ? 'node' : url;
}

/**
 * The profile's top entries by the time spent in them (self time), by origin and by function, as percentages of the
 * samples outside `(idle)`. V8 samples the running thread by the clock, so a system call (a socket write) also counts
 * the time the process waited to run again after it, where PostgreSQL took the core. Only the samples of the
 * profile's last `lastMs` count: the measured load, without the start-up and warm-up before it.
 */
export function summarise(profile: CpuProfile, lastMs: number, top = 20): { byOrigin: Share[]; byFunction: Share[] } {
  const nodeOf = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  const from = profile.endTime - lastMs * 1000;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index]!;
    if (at >= from) selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    at += delta;
  });
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, time] of selfTime) {
    const { functionName, url, lineNumber } = nodeOf.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += time;
    const origin = originOf(url);
    const name = origin === 'native' ? `${functionName} (native)` : `${functionName || '(anonymous)'} ${origin}:${lineNumber + 1}`;
    // A native function is its own origin: the system call or the collector is the finding.
    const originKey = origin === 'native' ? name : origin;
    byOrigin.set(originKey, (byOrigin.get(originKey) ?? 0) + time);
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  }
  const largest = (shares: Map<string, number>): Share[] =>
    [...shares]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => ({ name, percent: (100 * time) / busy }));
  return { byOrigin: largest(byOrigin), byFunction: largest(byFunction) };
}

/** One statement's time on the server, from PostgreSQL's log (`log_min_duration_statement = 0`): its steps, per request. */
export type StatementTime = { step: string; statement: string; msPerRequest: number; median: number; count: number };

const DURATION_LINE = /duration: ([\d.]+) ms\s+(statement|parse|bind|execute)(?: ([^:]*))?: (.*)/;

/**
 * PostgreSQL's log lines of a run, grouped by step (parse, bind — where a statement is planned —, execute, or a
 * simple-protocol statement) and by statement: its name and the table it reads, or its text up to the first literal. Neither a literal nor
 * the parameters (the log's DETAIL lines) are kept: they hold a record's values.
 */
export function statementTimes(log: string, requests: number, top = 12): StatementTime[] {
  const found = new Map<string, { step: string; statement: string; durations: number[] }>();
  for (const line of log.split('\n')) {
    const match = DURATION_LINE.exec(line);
    if (!match) continue;
    const [, ms, step, name, text] = match as unknown as [string, string, string, string | undefined, string];
    const statement =
      name && name !== '<unnamed>'
        ? `${name} (${/\bFROM "?(\w+)/.exec(text)?.[1] ?? text.slice(0, 20)})`
        : text.split("'")[0]!.replace(/\s+/g, ' ').slice(0, 60);
    const key = `${step} ${statement}`;
    if (!found.has(key)) found.set(key, { step, statement, durations: [] });
    found.get(key)!.durations.push(Number(ms));
  }
  return [...found.values()]
    .map(({ step, statement, durations }) => {
      const sorted = [...durations].sort((a, b) => a - b);
      const total = sorted.reduce((sum, ms) => sum + ms, 0);
      return { step, statement, msPerRequest: total / requests, median: sorted[Math.floor(sorted.length / 2)]!, count: sorted.length };
    })
    .sort((a, b) => b.msPerRequest - a.msPerRequest)
    .slice(0, top);
}
