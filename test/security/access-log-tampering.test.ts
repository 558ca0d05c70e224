import type { DataSource, QueryRunner } from 'typeorm';
import { readCheckpoints, writeCheckpoint, type Checkpoint, type Query } from '../../src/audit/checkpoints';
import { verifyAccessLog, type ProblemKind } from '../../src/audit/log-verification';
import { signingKeyFromPem } from '../../src/audit/signing-key';
import { createDataSource } from '../../src/app/data-source';
import { createLogger } from '../../src/common/logger';
import { newAuditSigningKeyPem, TEST_AUDIT_SIGNING_KEY_PEM } from '../helpers/audit-signing-key';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * A database superuser can rewrite the access log behind the triggers' back, but cannot sign. Each test
 * tampers inside a transaction, runs the verifier there, and rolls back: `npm run audit:verify` must name
 * each kind of tampering, against the stored checkpoints and against an exported copy.
 */
const key = signingKeyFromPem(TEST_AUDIT_SIGNING_KEY_PEM);
const DAY = '2020-01-15';
const LANE_0 = `${DAY}/0`;
const LANE_1 = `${DAY}/1`;
let dataSource: DataSource;
let exported: Checkpoint[];

/** Appends `count` valid events to `chain` of an earlier day, as audit_append would have linked them. */
async function appendPastEvents(query: Query, chain: string, count: number): Promise<void> {
  await query(`
    DO $$ DECLARE
      head audit_chain_heads;
      e audit_events;
      prev text;
    BEGIN
      INSERT INTO audit_chain_heads (chain, seq, hash) VALUES ('${chain}', 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
      SELECT * INTO head FROM audit_chain_heads WHERE chain = '${chain}';
      prev := head.hash;
      FOR n IN head.seq + 1 .. head.seq + ${count} LOOP
        e := ROW(NULL, '${chain}', n, '${DAY}T10:00:00Z'::timestamptz + n * interval '1 minute', 'request-' || n,
                 NULL, 'system', 'read', 'ALLOWED', 'Child', NULL, '{}', 'test', NULL, prev, '', NULL, 2, 'test', NULL, NULL, NULL)::audit_events;
        e.hash := encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex');
        INSERT INTO audit_events (chain, seq, at, request_id, roles, action, outcome, subject_type, fields, reason, prev_hash, hash,
                                  link_version, policy_version)
        VALUES (e.chain, e.seq, e.at, e.request_id, e.roles, e.action, e.outcome, e.subject_type, e.fields, e.reason, e.prev_hash, e.hash,
                e.link_version, e.policy_version);
        prev := e.hash;
      END LOOP;
      UPDATE audit_chain_heads SET seq = head.seq + ${count}, hash = prev WHERE chain = '${chain}';
    END $$`);
}

/** Recomputes the hashes of `chain` from event `fromSeq` on, and its head: what a careful forger does. */
const REHASH_FORWARD = (chain: string, fromSeq: number) => `
  DO $$ DECLARE
    e audit_events;
    prev text := coalesce((SELECT hash FROM audit_events WHERE chain = '${chain}' AND seq = ${fromSeq - 1}), repeat('0', 64));
  BEGIN
    FOR e IN SELECT * FROM audit_events WHERE chain = '${chain}' AND seq >= ${fromSeq} ORDER BY seq LOOP
      e.prev_hash := prev;
      prev := encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex');
      UPDATE audit_events SET prev_hash = e.prev_hash, hash = prev WHERE id = e.id;
    END LOOP;
    UPDATE audit_chain_heads SET hash = prev WHERE chain = '${chain}';
  END $$`;

/** Rewrites the count checkpoint `seq` signed for `chain`, as a forger covering a cut would. */
const ALTER_SIGNED_COUNT = (seq: number, chain: string, events: number) => `
  UPDATE audit_checkpoints c
     SET chains = (SELECT jsonb_agg(CASE WHEN e->>'chain' = '${chain}' THEN jsonb_set(e, '{events}', '${events}') ELSE e END ORDER BY o)
                     FROM jsonb_array_elements(c.chains) WITH ORDINALITY AS x(e, o))
   WHERE seq = ${seq}`;

/** The first exported checkpoint that signed `chain`. */
const firstSigning = (chain: string) => exported.find((c) => c.chains.some((signed) => signed.chain === chain))!;

beforeAll(async () => {
  dataSource = createDataSource({ url: testDatabaseUrl(), poolMax: 2, log: createLogger('silent') });
  await dataSource.initialize();
  const query: Query = (sql, params) => dataSource.query(sql, params);
  await appendPastEvents(query, LANE_0, 5);
  await appendPastEvents(query, LANE_1, 3);
  await writeCheckpoint(query, key, new Date());
  await appendPastEvents(query, LANE_0, 2);
  await writeCheckpoint(query, key, new Date());
  exported = await readCheckpoints(query);
});
afterAll(() => dataSource.destroy());

/** Tampers as a superuser with the triggers off, verifies, and undoes it all. */
async function tamperThenVerify(tampering: string[], withExport = false): Promise<{ kind: ProblemKind; message: string }[]> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query(`SET LOCAL session_replication_role = replica`);
    for (const sql of tampering) await runner.query(sql);
    const query: Query = (sql, params) => runner.query(sql, params);
    const { problems } = await verifyAccessLog(query, [key.verifier], withExport ? exported : null);
    return problems.map(({ kind, message }) => ({ kind, message }));
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const kinds = (problems: { kind: ProblemKind }[]) => problems.map((p) => p.kind);

it('an untouched log verifies against its signed checkpoints, stored or exported', async () => {
  expect(await tamperThenVerify([])).toEqual([]);
  expect(await tamperThenVerify([], true)).toEqual([]);
});

it('a deleted event is named by its chain and position', async () => {
  const problems = await tamperThenVerify([`DELETE FROM audit_events WHERE chain = '${LANE_0}' AND seq = 3`]);
  expect(problems).toContainEqual({ kind: 'DELETED_EVENTS', message: `chain ${LANE_0}: event 3 is missing (deleted)` });
});

it('a whole day deleted, events and chain heads, is named as a missing day', async () => {
  const problems = await tamperThenVerify([
    `DELETE FROM audit_events WHERE chain LIKE '${DAY}/%'`,
    `DELETE FROM audit_chain_heads WHERE chain LIKE '${DAY}/%'`,
  ]);
  expect(problems).toEqual([{ kind: 'MISSING_DAY', message: `day ${DAY} is missing: its 2 signed chains (10 events) are gone` }]);
});

it('a tail cut off a chain, its head moved back, is named as a truncated tail', async () => {
  const problems = await tamperThenVerify([
    `DELETE FROM audit_events WHERE chain = '${LANE_0}' AND seq > 5`,
    `UPDATE audit_chain_heads SET seq = 5, hash = (SELECT hash FROM audit_events WHERE chain = '${LANE_0}' AND seq = 5) WHERE chain = '${LANE_0}'`,
  ]);
  expect(kinds(problems)).toEqual(['TRUNCATED_TAIL']);
  expect(problems[0]!.message).toMatch(`chain ${LANE_0} ends at event 5, but checkpoint`);
});

it('an event edited and its chain re-hashed forward is named as a re-hashed chain', async () => {
  const problems = await tamperThenVerify([
    `UPDATE audit_events SET reason = 'nothing to see here' WHERE chain = '${LANE_0}' AND seq = 2`,
    REHASH_FORWARD(LANE_0, 2),
  ]);
  expect(kinds(problems)).toEqual(['REHASHED_CHAIN']);
  expect(problems[0]!.message).toMatch(`chain ${LANE_0} was re-hashed`);
});

it('an event edited in place is named by its chain and position', async () => {
  const problems = await tamperThenVerify([`UPDATE audit_events SET staff_id = gen_random_uuid() WHERE chain = '${LANE_1}' AND seq = 2`]);
  expect(kinds(problems)).toEqual(['EDITED_EVENT']);
  expect(problems[0]!.message).toMatch(`chain ${LANE_1}: event 2 (id `);
});

it('a checkpoint altered to match a truncated chain is named as altered', async () => {
  const problems = await tamperThenVerify([
    `DELETE FROM audit_events WHERE chain = '${LANE_1}' AND seq = 3`,
    ALTER_SIGNED_COUNT(firstSigning(LANE_1).seq, LANE_1, 2),
  ]);
  expect(kinds(problems)).toContain('CHECKPOINT_ALTERED');
});

it('a checkpoint dropped from the middle is named as missing', async () => {
  const [{ first }] = await dataSource.query(`SELECT min(seq) AS first FROM audit_checkpoints`);
  const problems = await tamperThenVerify([`DELETE FROM audit_checkpoints WHERE seq = ${first}`]);
  expect(problems).toContainEqual({ kind: 'CHECKPOINT_MISSING', message: `checkpoint #${first} is missing` });
});

it('with an exported copy, the last checkpoint dropped and the tail it signed cut off are both named', async () => {
  const last = exported.at(-1)!;
  const problems = await tamperThenVerify(
    [
      `DELETE FROM audit_checkpoints WHERE seq = ${last.seq}`,
      `DELETE FROM audit_events WHERE chain = '${LANE_0}' AND seq > 5`,
      `UPDATE audit_chain_heads SET seq = 5 WHERE chain = '${LANE_0}'`,
    ],
    true,
  );
  expect(problems).toContainEqual({
    kind: 'CHECKPOINT_MISSING',
    message: `checkpoint #${last.seq} of the exported copy is missing from the database`,
  });
  expect(kinds(problems)).toContain('TRUNCATED_TAIL');
});

it('with an exported copy, a checkpoint rewritten in the database is named, and the copy still catches the tampering', async () => {
  const problems = await tamperThenVerify(
    [`DELETE FROM audit_events WHERE chain = '${LANE_1}' AND seq = 3`, ALTER_SIGNED_COUNT(firstSigning(LANE_1).seq, LANE_1, 2)],
    true,
  );
  const altered = firstSigning(LANE_1).seq;
  expect(problems).toContainEqual({
    kind: 'CHECKPOINT_ALTERED',
    message: `checkpoint #${altered} in the database differs from the exported copy`,
  });
  expect(kinds(problems)).toContain('TRUNCATED_TAIL');
});

it('a checkpoint signed by an untrusted key is not trusted', async () => {
  const stranger = signingKeyFromPem(newAuditSigningKeyPem());
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await appendPastEvents((sql, params) => runner.query(sql, params), LANE_1, 1);
    await writeCheckpoint((sql, params) => runner.query(sql, params), stranger, new Date());
    const { problems } = await verifyAccessLog((sql, params) => runner.query(sql, params), [key.verifier]);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/which is not a trusted key/));
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});
