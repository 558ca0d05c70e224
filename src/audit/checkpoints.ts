import { createHash, sign, verify } from 'node:crypto';
import type { SigningKey, VerifyingKey } from './signing-key';

/** Runs one statement: a DataSource's, a query runner's or a client's `query`. */
export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A chain's state when signed: how many events it held and the hash of the last. */
export type SignedChain = { chain: string; events: number; head: string };

export type Checkpoint = {
  seq: number;
  signedAt: string;
  prevHash: string;
  chains: SignedChain[];
  /** SHA-256 of the signed text: the next checkpoint's `prevHash`. */
  hash: string;
  keyId: string;
  /** Ed25519 over the signed text, base64. */
  signature: string;
};

type Unsigned = Pick<Checkpoint, 'seq' | 'signedAt' | 'prevHash' | 'chains'>;

/** The exact text a checkpoint signs: one line a fact, chains in order. */
export function checkpointText(c: Unsigned): string {
  return [
    'apse-access-log-checkpoint v1',
    `seq ${c.seq}`,
    `signed-at ${c.signedAt}`,
    `previous ${c.prevHash}`,
    ...c.chains.map((chain) => `chain ${chain.chain} ${chain.events} ${chain.head}`),
    '',
  ].join('\n');
}

export function signCheckpoint(unsigned: Unsigned, key: SigningKey): Checkpoint {
  const text = Buffer.from(checkpointText(unsigned), 'utf8');
  return {
    ...unsigned,
    hash: createHash('sha256').update(text).digest('hex'),
    keyId: key.verifier.keyId,
    signature: sign(null, text, key.privateKey).toString('base64'),
  };
}

/** Why a checkpoint cannot be trusted (its text no longer hashes to its hash, or its signature fails), or null. */
export function checkpointFault(c: Checkpoint, keys: readonly VerifyingKey[]): string | null {
  const key = keys.find((k) => k.keyId === c.keyId);
  if (!key) return `signed by key ${c.keyId}, which is not a trusted key`;
  const text = Buffer.from(checkpointText(c), 'utf8');
  if (createHash('sha256').update(text).digest('hex') !== c.hash) return 'its content no longer matches its hash';
  if (!verify(null, text, key.publicKey, Buffer.from(c.signature, 'base64'))) return 'its signature does not match its content';
  return null;
}

/**
 * Signs and stores a checkpoint of every chain that moved since the last one; null when none moved. Two
 * writers at once: the database keeps the first, and the second fails (SQLSTATE 40001) to try next time.
 */
export async function writeCheckpoint(query: Query, key: SigningKey, now: Date): Promise<Checkpoint | null> {
  const [due] = (await query('SELECT seq, prev_hash, chains FROM audit_checkpoint_due()')) as [
    { seq: string; prev_hash: string; chains: SignedChain[] },
  ];
  if (due.chains.length === 0) return null;
  const checkpoint = signCheckpoint(
    {
      seq: Number(due.seq),
      signedAt: now.toISOString(),
      prevHash: due.prev_hash,
      chains: due.chains.map((c) => ({ chain: c.chain, events: Number(c.events), head: c.head })),
    },
    key,
  );
  await query('SELECT audit_checkpoint_append($1, $2, $3, $4, $5, $6, $7)', [
    checkpoint.seq,
    checkpoint.signedAt,
    checkpoint.prevHash,
    JSON.stringify(checkpoint.chains),
    checkpoint.hash,
    checkpoint.keyId,
    checkpoint.signature,
  ]);
  return checkpoint;
}

/** Every stored checkpoint, in order (as the database holds them: to be checked, not trusted). */
export async function readCheckpoints(query: Query): Promise<Checkpoint[]> {
  const rows = (await query(
    `SELECT seq, to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signed_at, prev_hash, chains, hash, key_id, signature
       FROM audit_checkpoints ORDER BY seq`,
  )) as { seq: string; signed_at: string; prev_hash: string; chains: SignedChain[]; hash: string; key_id: string; signature: string }[];
  return rows.map((r) => ({
    seq: Number(r.seq),
    signedAt: r.signed_at,
    prevHash: r.prev_hash,
    chains: r.chains.map((c) => ({ chain: c.chain, events: Number(c.events), head: c.head })),
    hash: r.hash,
    keyId: r.key_id,
    signature: r.signature,
  }));
}

/** The file `npm run audit:checkpoints -- --export FILE` writes, to keep away from the database. */
export type CheckpointExport = {
  format: 'apse-access-log-checkpoints/1';
  exportedAt: string;
  publicKeys: string[];
  checkpoints: Checkpoint[];
};
