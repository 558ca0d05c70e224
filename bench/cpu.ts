import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** A process's CPU time so far (user + system), and that of its children that have ended and been waited for. */
type ProcessStat = { pid: number; name: string; parent: number; cpuMs: number; endedChildrenCpuMs: number };

/** Every process's name, parent and CPU times, from /proc (Linux). */
function processes(): ProcessStat[] {
  const found: ProcessStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended meanwhile
    }
    // The name is in parentheses and may hold spaces: the fields after it are split on spaces.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    found.push({
      pid: Number(entry),
      name: stat.slice(stat.indexOf('(') + 1, close),
      parent: Number(fields[1]),
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
      endedChildrenCpuMs: ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND,
    });
  }
  return found;
}

/**
 * CPU time so far of the server process `pid` and its workers (its descendants), and of PostgreSQL's processes:
 * those running, and the connections that ended (a pool closes idle ones), which the server's first process counts.
 */
export function cpuSnapshot(pid: number): { serverMs: number; postgresMs: number } {
  const all = processes();
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (tree.has(p.parent) && !tree.has(p.pid)) grew = Boolean(tree.add(p.pid));
  }
  const sum = (list: ProcessStat[]) => list.reduce((ms, p) => ms + p.cpuMs, 0);
  const postgres = all.filter((p) => p.name === 'postgres');
  const ended = postgres.filter((p) => !postgres.some((q) => q.pid === p.parent)).reduce((ms, p) => ms + p.endedChildrenCpuMs, 0);
  return { serverMs: sum(all.filter((p) => tree.has(p.pid))), postgresMs: sum(postgres) + ended };
}
