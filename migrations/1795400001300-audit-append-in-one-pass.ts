import type { MigrationInterface, QueryRunner } from 'typeorm';

export const linkTextArgs = (subjectIds: boolean) => `chain text, seq bigint, at timestamptz, request_id text, staff_id uuid, roles text, action text, outcome text,
  subject_type text, subject_id uuid, ${subjectIds ? 'subject_ids uuid[], ' : ''}fields text[], reason text, changes jsonb, prev_hash text`;

/** The events of an append, in order, with their position `n` (from 1). */
const events = (subjectIds: boolean) => `ROWS FROM (jsonb_to_recordset(events) AS (action text, outcome text, "subjectType" text, "subjectId" uuid,${subjectIds ? ' "subjectIds" uuid[],' : ''}
                                                          fields text[], reason text, changes jsonb))
                  WITH ORDINALITY AS x(action, outcome, "subjectType", "subjectId",${subjectIds ? ' "subjectIds",' : ''} fields, reason, changes, n)`;

/**
 * The link text, the content function and `audit_append` in one pass; `subjectIds`: with the subjects of a
 * grouped read (migration 1795400001900), or as this migration made them.
 */
export async function createOnePassAppend(q: QueryRunner, { subjectIds }: { subjectIds: boolean }): Promise<void> {
  // A read's subjects as an array literal ({…}), which no single id can be mistaken for.
  const subjectsText = subjectIds ? "coalesce(subject_id::text, subject_ids::text, '')" : "coalesce(subject_id::text, '')";
  await q.query(`
    CREATE FUNCTION audit_link_text(${linkTextArgs(subjectIds)}) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT concat_ws('|', chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       coalesce(request_id, ''), coalesce(staff_id::text, ''), roles, action, outcome,
                       subject_type, ${subjectsText}, array_to_string(fields, ','),
                       coalesce(reason, ''), coalesce(changes::text, ''), prev_hash)
    $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION audit_content(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT audit_link_text(e.chain, e.seq, e.at, e.request_id, e.staff_id, e.roles, e.action, e.outcome,
                             e.subject_type, e.subject_id, ${subjectIds ? 'e.subject_ids, ' : ''}e.fields, e.reason, e.changes, e.prev_hash)
    $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION audit_append(events jsonb) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $$
    DECLARE
      lane text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || (txid_current() % 8)::text;
      head audit_chain_heads;
      at timestamptz(3) := date_trunc('milliseconds', clock_timestamp());
      request_id text := nullif(current_setting('app.request_id', true), '');
      staff_id uuid := nullif(current_setting('app.staff_id', true), '')::uuid;
      roles text := coalesce(nullif(current_setting('app.roles', true), ''), 'system');
      unlinked text[];
      prev_hashes text[] := '{}';
      hashes text[] := '{}';
      last_hash text;
    BEGIN
      IF events IS NULL OR jsonb_array_length(events) = 0 THEN RETURN 0; END IF;
      INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (lane, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
      SELECT * INTO head FROM audit_chain_heads h WHERE h.chain = lane FOR UPDATE;
      SELECT array_agg(audit_link_text(lane, head.seq + x.n, at, request_id, staff_id, roles, x.action,
                                       coalesce(x.outcome, 'ALLOWED'), x."subjectType", x."subjectId", ${subjectIds ? 'x."subjectIds", ' : ''}
                                       coalesce(x.fields, '{}'), x.reason, x.changes, '') ORDER BY x.n)
        INTO unlinked FROM ${events(subjectIds)};
      last_hash := head.hash;
      FOR i IN 1 .. cardinality(unlinked) LOOP
        prev_hashes := prev_hashes || last_hash;
        last_hash := encode(sha256(convert_to(unlinked[i] || last_hash, 'UTF8')), 'hex');
        hashes := hashes || last_hash;
      END LOOP;
      INSERT INTO audit_events (chain, seq, at, request_id, staff_id, roles, action, outcome, subject_type, subject_id,
                                ${subjectIds ? 'subject_ids, ' : ''}fields, reason, changes, prev_hash, hash)
      SELECT lane, head.seq + x.n, at, request_id, staff_id, roles, x.action, coalesce(x.outcome, 'ALLOWED'),
             x."subjectType", x."subjectId", ${subjectIds ? 'x."subjectIds", ' : ''}coalesce(x.fields, '{}'), x.reason, x.changes, prev_hashes[x.n], hashes[x.n]
        FROM ${events(subjectIds)};
      UPDATE audit_chain_heads SET seq = head.seq + cardinality(unlinked), hash = last_hash WHERE chain = lane;
      RETURN cardinality(unlinked);
    END $$`);
}

/**
 * The same access log, appended to in one pass. A page of 50 children is 50 read events, and appending
 * them was most of the database's work for the request: each event's content went through a function
 * call on a whole row and a sub-query for its fields. Now the content of every event but its last part
 * (the predecessor's hash) is computed in one statement, the loop only chains the hashes, and one INSERT
 * writes the events.
 *
 * The hashed content is unchanged, so every existing chain still verifies: its text is defined once, in
 * `audit_link_text` (inlined into queries, being STABLE like the `to_char` it uses), which `audit_content`
 * now calls. The predecessor's hash is the last part of that text, so the text with an empty last part,
 * followed by the hash, is the text itself.
 */
export class AuditAppendInOnePass1795400001300 implements MigrationInterface {
  name = 'AuditAppendInOnePass1795400001300';

  async up(q: QueryRunner): Promise<void> {
    await createOnePassAppend(q, { subjectIds: false });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_append(events jsonb) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public AS $$
      DECLARE
        lane text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || (txid_current() % 8)::text;
        head audit_chain_heads;
        e jsonb;
        r audit_events;
        batch audit_events[] := '{}';
      BEGIN
        IF events IS NULL OR jsonb_array_length(events) = 0 THEN RETURN 0; END IF;
        INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (lane, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads h WHERE h.chain = lane FOR UPDATE;
        r.chain := lane;
        r.at := date_trunc('milliseconds', clock_timestamp());
        r.request_id := nullif(current_setting('app.request_id', true), '');
        r.staff_id := nullif(current_setting('app.staff_id', true), '')::uuid;
        r.roles := coalesce(nullif(current_setting('app.roles', true), ''), 'system');
        FOR e IN SELECT * FROM jsonb_array_elements(events) LOOP
          r.seq := head.seq + 1;
          r.action := e->>'action';
          r.outcome := coalesce(e->>'outcome', 'ALLOWED');
          r.subject_type := e->>'subjectType';
          r.subject_id := (e->>'subjectId')::uuid;
          r.fields := coalesce(ARRAY(SELECT jsonb_array_elements_text(e->'fields')), '{}');
          r.reason := e->>'reason';
          r.changes := e->'changes';
          r.prev_hash := head.hash;
          r.hash := encode(sha256(convert_to(audit_content(r), 'UTF8')), 'hex');
          head.seq := r.seq;
          head.hash := r.hash;
          batch := batch || r;
        END LOOP;
        INSERT INTO audit_events (chain, seq, at, request_id, staff_id, roles, action, outcome, subject_type, subject_id,
                                  fields, reason, changes, prev_hash, hash)
        SELECT chain, seq, at, request_id, staff_id, roles, action, outcome, subject_type, subject_id,
               fields, reason, changes, prev_hash, hash FROM unnest(batch);
        UPDATE audit_chain_heads SET seq = head.seq, hash = head.hash WHERE chain = lane;
        RETURN cardinality(batch);
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_content(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', e.chain, e.seq, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                         coalesce(e.request_id, ''), coalesce(e.staff_id::text, ''), e.roles, e.action, e.outcome,
                         e.subject_type, coalesce(e.subject_id::text, ''), array_to_string(e.fields, ','),
                         coalesce(e.reason, ''), coalesce(e.changes::text, ''), e.prev_hash)
      $$`);
    await q.query(`DROP FUNCTION audit_link_text(${linkTextArgs(false).replace(/\s+/g, ' ')})`);
  }
}
