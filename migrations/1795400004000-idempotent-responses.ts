import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How long a stored response answers a retry: after it, the key may be used again, and the entry is purged. */
const KEPT = `interval '24 hours'`;

/**
 * The first response to a mutation sent with an `Idempotency-Key`, so that a retry of a write whose response was
 * lost is answered with it instead of writing twice. It is written in the mutation's own transaction, so a mutation
 * rolled back leaves none. It holds a copy of what its member of staff was answered, personal data included: only
 * what a retry needs is kept (the response, a hash of the operation and its variables), Row-Level Security lets a
 * member of staff read and write only their own entries, and every write purges the entries past 24 hours. It is not
 * audited: its rows are copies of responses whose reads and writes the access log already holds.
 */
export class IdempotentResponses1795400004000 implements MigrationInterface {
  name = 'IdempotentResponses1795400004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotent_responses (
        staff_id uuid NOT NULL REFERENCES staff (id),
        key text NOT NULL CONSTRAINT idempotent_responses_key_check CHECK (key ~ '^[A-Za-z0-9._:-]{1,128}$'),
        request_hash text NOT NULL CONSTRAINT idempotent_responses_request_hash_check CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        response jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (staff_id, key)
      )`);
    await q.query(`CREATE INDEX idempotent_responses_created_at_idx ON idempotent_responses (created_at)`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON idempotent_responses TO apse_app`);
    await q.query(`ALTER TABLE idempotent_responses ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotent_responses FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY own_entries ON idempotent_responses TO apse_app
        USING (staff_id = (SELECT app_staff_id())) WITH CHECK (staff_id = (SELECT app_staff_id()))`);
    // The purge runs as the table's owner, which Row-Level Security lets reach expired entries only.
    await q.query(`CREATE POLICY expired_entries ON idempotent_responses TO CURRENT_USER USING (created_at < now() - ${KEPT})`);
    await q.query(`
      CREATE FUNCTION purge_expired_idempotent_responses() RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
           DELETE FROM idempotent_responses WHERE created_at < now() - ${KEPT}
         $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION purge_expired_idempotent_responses() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION purge_expired_idempotent_responses() TO apse_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION purge_expired_idempotent_responses()`);
    await q.query(`DROP TABLE idempotent_responses`);
  }
}
