import { checkpointFault, readCheckpoints, type Checkpoint, type Query } from './checkpoints';
import type { VerifyingKey } from './signing-key';

export type ProblemKind =
  | 'CHECKPOINT_ALTERED'
  | 'CHECKPOINT_MISSING'
  | 'CHECKPOINT_OUT_OF_ORDER'
  | 'DELETED_EVENTS'
  | 'MISSING_DAY'
  | 'MISSING_CHAIN'
  | 'TRUNCATED_TAIL'
  | 'REHASHED_CHAIN'
  | 'EDITED_EVENT'
  | 'BROKEN_LINK';

export type Problem = { kind: ProblemKind; chain?: string; message: string };

export type Verification = {
  problems: Problem[];
  checkpoints: number;
  chains: number;
  events: number;
  /** Events past the last checkpoint: checked by their links only until the next one signs them. */
  unsignedEvents: number;
};

type ChainReport = {
  chain: string;
  events: string;
  last_seq: string;
  missing_from: string | null;
  missing_to: string | null;
  relinked_seq: string | null;
  edited_seq: string | null;
  edited_id: string | null;
};

/** A chain's signed points: each checkpoint's count and head for it, in order. */
type SignedPoint = { checkpoint: number; events: number; head: string };

/**
 * Checks the access log against its signed checkpoints (`keys`: the public keys trusted to sign them).
 * With `exported` (a copy kept outside the database), those checkpoints are the reference, and any the
 * database has lost or changed is named. Reads only; every problem is named with its place.
 */
export async function verifyAccessLog(
  query: Query,
  keys: readonly VerifyingKey[],
  exported: Checkpoint[] | null = null,
): Promise<Verification> {
  const problems: Problem[] = [];
  const stored = await readCheckpoints(query);
  const trusted = trustedCheckpoints(stored, keys, exported, problems);

  const signed = new Map<string, SignedPoint[]>();
  for (const c of trusted) {
    for (const chain of c.chains) {
      const points = signed.get(chain.chain) ?? [];
      points.push({ checkpoint: c.seq, events: chain.events, head: chain.head });
      signed.set(chain.chain, points);
    }
  }

  const reports = new Map(((await query('SELECT * FROM audit_chain_report()')) as ChainReport[]).map((r) => [r.chain, r]));
  const heads = await signedHeadsFound(query, signed);
  let unsignedEvents = 0;
  for (const report of reports.values()) {
    problems.push(...eventProblems(report));
    const lastSigned = signed.get(report.chain)?.at(-1)?.events ?? 0;
    unsignedEvents += Math.max(0, Number(report.last_seq) - lastSigned);
  }
  problems.push(...missingChains(signed, reports));
  for (const [chain, points] of signed) {
    const report = reports.get(chain);
    if (report) problems.push(...signedPointProblems(chain, points, report, heads));
  }
  return {
    problems,
    checkpoints: trusted.length,
    chains: reports.size,
    events: [...reports.values()].reduce((n, r) => n + Number(r.events), 0),
    unsignedEvents,
  };
}

/**
 * The checkpoints to trust: those whose signature holds, in an unbroken sequence from 1. The exported copy,
 * when given, is the reference; stored checkpoints past its end are added as they verify.
 */
function trustedCheckpoints(
  stored: Checkpoint[],
  keys: readonly VerifyingKey[],
  exported: Checkpoint[] | null,
  problems: Problem[],
): Checkpoint[] {
  const checkSequence = (list: Checkpoint[], where: string, from = { seq: 1, prevHash: '0'.repeat(64) }): Checkpoint[] => {
    const good: Checkpoint[] = [];
    let expected = from.seq;
    // The hash the next checkpoint must name as its predecessor; unknown after an altered or missing one.
    let prevHash: string | null = from.prevHash;
    for (const c of list) {
      const fault = checkpointFault(c, keys);
      if (fault) {
        problems.push({ kind: 'CHECKPOINT_ALTERED', message: `checkpoint #${c.seq}${where}: ${fault}` });
        expected = c.seq + 1;
        prevHash = null;
        continue;
      }
      if (c.seq !== expected) {
        const gap = c.seq - 1 === expected ? `#${expected} is` : `#${expected}–#${c.seq - 1} are`;
        problems.push({ kind: 'CHECKPOINT_MISSING', message: `checkpoint ${gap} missing${where}` });
      } else if (prevHash !== null && c.prevHash !== prevHash) {
        problems.push({
          kind: 'CHECKPOINT_OUT_OF_ORDER',
          message: `checkpoint #${c.seq}${where} does not follow checkpoint #${c.seq - 1}`,
        });
      }
      good.push(c);
      expected = c.seq + 1;
      prevHash = c.hash;
    }
    return good;
  };

  if (!exported) return checkSequence(stored, '');
  const reference = checkSequence(exported, ' (exported copy)');
  const byNumber = new Map(stored.map((c) => [c.seq, c]));
  for (const c of reference) {
    const inDatabase = byNumber.get(c.seq);
    if (!inDatabase)
      problems.push({ kind: 'CHECKPOINT_MISSING', message: `checkpoint #${c.seq} of the exported copy is missing from the database` });
    else if (
      inDatabase.hash !== c.hash ||
      inDatabase.signature !== c.signature ||
      JSON.stringify(inDatabase.chains) !== JSON.stringify(c.chains)
    ) {
      problems.push({ kind: 'CHECKPOINT_ALTERED', message: `checkpoint #${c.seq} in the database differs from the exported copy` });
    }
  }
  const last = reference.at(-1);
  const later = stored.filter((c) => c.seq > (last?.seq ?? 0));
  const continued = checkSequence(later, '', last ? { seq: last.seq + 1, prevHash: last.hash } : undefined);
  return [...reference, ...continued];
}

/** What the chain's own links say: events deleted from its middle, an event edited in place, a broken link. */
function eventProblems(r: ChainReport): Problem[] {
  const problems: Problem[] = [];
  if (r.missing_from !== null) {
    const range = r.missing_from === r.missing_to ? `event ${r.missing_from} is` : `events ${r.missing_from}–${r.missing_to} are`;
    problems.push({ kind: 'DELETED_EVENTS', chain: r.chain, message: `chain ${r.chain}: ${range} missing (deleted)` });
  }
  if (r.edited_seq !== null) {
    problems.push({
      kind: 'EDITED_EVENT',
      chain: r.chain,
      message: `chain ${r.chain}: event ${r.edited_seq} (id ${r.edited_id}) was edited: its content no longer matches its hash`,
    });
  }
  if (r.relinked_seq !== null && r.missing_from === null) {
    problems.push({
      kind: 'BROKEN_LINK',
      chain: r.chain,
      message: `chain ${r.chain}: event ${r.relinked_seq} does not link to the event before it`,
    });
  }
  return problems;
}

/** Signed chains of which nothing is left: a whole day, or one lane of a day. */
function missingChains(signed: Map<string, SignedPoint[]>, reports: Map<string, ChainReport>): Problem[] {
  const days = new Map<string, { chains: string[]; missing: string[]; events: number }>();
  for (const [chain, points] of signed) {
    const day = chain.split('/')[0]!;
    const entry = days.get(day) ?? { chains: [], missing: [], events: 0 };
    entry.chains.push(chain);
    if (!reports.has(chain)) {
      entry.missing.push(chain);
      entry.events += points.at(-1)!.events;
    }
    days.set(day, entry);
  }
  const problems: Problem[] = [];
  for (const [day, { chains, missing, events }] of days) {
    if (missing.length === 0) continue;
    if (missing.length === chains.length) {
      problems.push({
        kind: 'MISSING_DAY',
        message: `day ${day} is missing: its ${missing.length} signed chains (${events} events) are gone`,
      });
    } else {
      for (const chain of missing)
        problems.push({
          kind: 'MISSING_CHAIN',
          chain,
          message: `chain ${chain} is missing: it was signed with ${signed.get(chain)!.at(-1)!.events} events`,
        });
    }
  }
  return problems;
}

/** The stored hash at each signed point of each chain. */
async function signedHeadsFound(query: Query, signed: Map<string, SignedPoint[]>): Promise<Map<string, string>> {
  const chains: string[] = [];
  const seqs: number[] = [];
  for (const [chain, points] of signed) {
    for (const p of points) {
      chains.push(chain);
      seqs.push(p.events);
    }
  }
  const rows = (await query(
    `SELECT s.chain, s.seq, e.hash FROM unnest($1::text[], $2::bigint[]) AS s(chain, seq) JOIN audit_events e ON e.chain = s.chain AND e.seq = s.seq`,
    [chains, seqs],
  )) as { chain: string; seq: string; hash: string }[];
  return new Map(rows.map((r) => [`${r.chain}#${r.seq}`, r.hash]));
}

/** A chain against what was signed of it: cut short, or re-hashed since. */
function signedPointProblems(chain: string, points: SignedPoint[], report: ChainReport, heads: Map<string, string>): Problem[] {
  const last = points.at(-1)!;
  if (Number(report.last_seq) < last.events) {
    return [
      {
        kind: 'TRUNCATED_TAIL',
        chain,
        message: `chain ${chain} ends at event ${report.last_seq}, but checkpoint #${last.checkpoint} signed ${last.events}: its tail was cut off`,
      },
    ];
  }
  const differs = points.find((p) => heads.has(`${chain}#${p.events}`) && heads.get(`${chain}#${p.events}`) !== p.head);
  if (!differs || report.edited_seq !== null) return [];
  const lastMatching = points.filter((p) => p.events < differs.events && heads.get(`${chain}#${p.events}`) === p.head).at(-1);
  const after = lastMatching ? `after event ${lastMatching.events}` : 'from its first event';
  return [
    {
      kind: 'REHASHED_CHAIN',
      chain,
      message: `chain ${chain} was re-hashed: event ${differs.events} no longer has the hash checkpoint #${differs.checkpoint} signed (changed ${after})`,
    },
  ];
}
