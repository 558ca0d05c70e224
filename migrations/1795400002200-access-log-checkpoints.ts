import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the access log, after Certificate Transparency's signed tree heads: from time to
 * time the API signs, with a key the database never holds (Ed25519), the event count and head hash of every
 * chain (UTC day and lane) that moved since the last checkpoint, and links each checkpoint to the one before.
 * A superuser can rewrite events and re-hash chains, but cannot sign: `npm run audit:verify` compares the
 * events with the signed counts and heads and names a deleted event, a missing day, a truncated tail, a
 * re-hashed chain or an edited event, and checks the checkpoints' own signatures and sequence (against an
 * exported copy too).
 *
 * `audit_chain_signed` only tells the writer which chains moved; verification trusts the signed rows alone.
 */
export class AccessLogCheckpoints1795400002200 implements MigrationInterface {
  name = 'AccessLogCheckpoints1795400002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoints (
        seq bigint PRIMARY KEY,
        signed_at timestamptz(3) NOT NULL,
        prev_hash text NOT NULL,
        chains jsonb NOT NULL,
        hash text NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
    await q.query(`CREATE TABLE audit_chain_signed (chain text PRIMARY KEY, events bigint NOT NULL, head text NOT NULL, checkpoint_seq bigint NOT NULL)`);
    await q.query(
      `CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_refuse_edit()`,
    );
    await q.query(
      `CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_edit()`,
    );

    // What the next checkpoint must sign: its number, its predecessor's hash, and every chain that moved.
    await q.query(`
      CREATE FUNCTION audit_checkpoint_due() RETURNS TABLE (seq bigint, prev_hash text, chains jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce((SELECT max(c.seq) FROM audit_checkpoints c), 0) + 1,
               coalesce((SELECT c.hash FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 1), repeat('0', 64)),
               coalesce((SELECT jsonb_agg(jsonb_build_object('chain', h.chain, 'events', h.seq, 'head', h.hash) ORDER BY h.chain)
                           FROM audit_chain_heads h LEFT JOIN audit_chain_signed s ON s.chain = h.chain
                          WHERE s.chain IS NULL OR s.events <> h.seq OR s.head <> h.hash), '[]'::jsonb)
      $$`);

    // Stores a signed checkpoint; refused unless it follows the last one (two writers: one wins).
    await q.query(`
      CREATE FUNCTION audit_checkpoint_append(new_seq bigint, new_signed_at timestamptz, new_prev_hash text, new_chains jsonb,
                                              new_hash text, new_key_id text, new_signature text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_checkpoint_append'));
        IF new_seq <> coalesce((SELECT max(c.seq) FROM audit_checkpoints c), 0) + 1
           OR new_prev_hash <> coalesce((SELECT c.hash FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 1), repeat('0', 64)) THEN
          RAISE EXCEPTION 'checkpoint % does not follow the last one', new_seq USING ERRCODE = 'serialization_failure';
        END IF;
        INSERT INTO audit_checkpoints (seq, signed_at, prev_hash, chains, hash, key_id, signature)
        VALUES (new_seq, new_signed_at, new_prev_hash, new_chains, new_hash, new_key_id, new_signature);
        INSERT INTO audit_chain_signed (chain, events, head, checkpoint_seq)
        SELECT c->>'chain', (c->>'events')::bigint, c->>'head', new_seq FROM jsonb_array_elements(new_chains) c
        ON CONFLICT (chain) DO UPDATE SET events = excluded.events, head = excluded.head, checkpoint_seq = excluded.checkpoint_seq;
      END $$`);

    // Per chain: its events, and the first gap in its sequence, the first broken link and the first event
    // whose content no longer matches its hash.
    await q.query(`
      CREATE FUNCTION audit_chain_report() RETURNS TABLE (chain text, events bigint, last_seq bigint, missing_from bigint,
                                                          missing_to bigint, relinked_seq bigint, edited_seq bigint, edited_id bigint)
      LANGUAGE sql STABLE AS $$
        SELECT x.chain, count(*), max(x.seq),
               min(x.prev_seq) FILTER (WHERE x.seq <> x.prev_seq + 1) + 1,
               min(x.seq) FILTER (WHERE x.seq <> x.prev_seq + 1) - 1,
               min(x.seq) FILTER (WHERE x.prev_hash <> x.expected_prev),
               min(x.seq) FILTER (WHERE x.hash <> x.recomputed),
               (array_agg(x.id ORDER BY x.seq) FILTER (WHERE x.hash <> x.recomputed))[1]
          FROM (SELECT e.chain, e.seq, e.id, e.prev_hash, e.hash,
                       lag(e.seq, 1, 0::bigint) OVER w AS prev_seq,
                       lag(e.hash, 1, repeat('0', 64)) OVER w AS expected_prev,
                       encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex') AS recomputed
                  FROM audit_events e WINDOW w AS (PARTITION BY e.chain ORDER BY e.seq)) x
         GROUP BY x.chain ORDER BY x.chain
      $$`);

    for (const fn of ['audit_checkpoint_due()', 'audit_checkpoint_append(bigint, timestamptz, text, jsonb, text, text, text)', 'audit_chain_report()']) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    }
    await q.query(`GRANT EXECUTE ON FUNCTION audit_checkpoint_due(), audit_checkpoint_append(bigint, timestamptz, text, jsonb, text, text, text) TO apse_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_chain_report()`);
    await q.query(`DROP FUNCTION audit_checkpoint_append(bigint, timestamptz, text, jsonb, text, text, text)`);
    await q.query(`DROP FUNCTION audit_checkpoint_due()`);
    await q.query(`DROP TABLE audit_chain_signed`);
    await q.query(`DROP TABLE audit_checkpoints`);
  }
}
