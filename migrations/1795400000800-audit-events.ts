import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose every change is logged, with the subject type their rows are. */
const AUDITED_TABLES: [table: string, subjectType: string][] = [
  ['children', 'Child'],
  ['family_finder_allocations', 'Allocation'],
  ['child_decisions', 'ChildDecision'],
  ['placement_orders', 'PlacementOrder'],
  ['matches', 'Match'],
  ['placements', 'Placement'],
  ['disruptions', 'Disruption'],
  ['households', 'Household'],
  ['household_stage_events', 'HouseholdStageEvent'],
  ['household_decisions', 'HouseholdDecision'],
  ['agenda_items', 'AgendaItem'],
  ['report_quality_feedback', 'ReportQualityFeedback'],
  ['support_requests', 'SupportRequest'],
  ['support_assessments', 'SupportAssessment'],
];

/**
 * The access log: append-only and tamper-evident. Each event carries a SHA-256 hash over its content and
 * its predecessor's hash in its chain; chains are partitioned by UTC day and by transaction (8 a day), so
 * concurrent writers rarely wait on one chain head. Changes are logged by triggers in the same transaction
 * as the change, one append per statement (no code path can skip them); reads and refusals by the API
 * through `audit_append`.
 * UPDATE, DELETE and TRUNCATE are refused by triggers, whoever asks.
 */
export class AuditEvents1795400000800 implements MigrationInterface {
  name = 'AuditEvents1795400000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        chain text NOT NULL,
        seq bigint NOT NULL,
        at timestamptz(3) NOT NULL,
        request_id text,
        staff_id uuid,
        roles text NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
        subject_type text NOT NULL,
        subject_id uuid,
        fields text[] NOT NULL DEFAULT '{}',
        reason text,
        changes jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT one_link_per_position UNIQUE (chain, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_staff_idx ON audit_events (staff_id, at DESC)`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_id, at DESC)`);
    await q.query(`
      CREATE TABLE audit_chain_heads (
        chain text PRIMARY KEY,
        seq bigint NOT NULL,
        hash text NOT NULL
      )`);

    // The content a hash covers, in one canonical text form (the verifier recomputes exactly this).
    await q.query(`
      CREATE FUNCTION audit_content(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', e.chain, e.seq, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                         coalesce(e.request_id, ''), coalesce(e.staff_id::text, ''), e.roles, e.action, e.outcome,
                         e.subject_type, coalesce(e.subject_id::text, ''), array_to_string(e.fields, ','),
                         coalesce(e.reason, ''), coalesce(e.changes::text, ''), e.prev_hash)
      $$`);

    // Appends events to this transaction's chain: the chain head is locked once, hashes are linked in order,
    // and the events are written in one INSERT. The chain is the UTC day and one of 8 lanes by transaction.
    await q.query(`
      CREATE FUNCTION audit_append(events jsonb) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
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

    // One change event: the before and after of the columns that changed (null when nothing did).
    await q.query(`
      CREATE FUNCTION audit_change_event(action text, subject_type text, before jsonb, after jsonb) RETURNS jsonb
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN diff = '{}'::jsonb THEN NULL ELSE jsonb_build_object(
                 'action', action, 'subjectType', subject_type, 'subjectId', after->>'id',
                 'fields', (SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(diff) k), 'changes', diff) END
          FROM (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('before', before->k, 'after', after->k)), '{}'::jsonb) AS diff
                  FROM jsonb_object_keys(after) AS k
                 WHERE (before->k) IS DISTINCT FROM (after->k) AND k NOT IN ('version', 'updated_at', 'created_at')) d
      $$`);
    // Statement-level triggers: one append for all the rows a statement wrote.
    await q.query(`
      CREATE FUNCTION audit_rows_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(audit_change_event('create', TG_ARGV[0], '{}'::jsonb, to_jsonb(n))) FROM new_rows n));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_rows_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(ev) FROM (
          SELECT audit_change_event('update', TG_ARGV[0], to_jsonb(o), to_jsonb(n)) AS ev
            FROM old_rows o JOIN new_rows n ON n.id = o.id) changed WHERE ev IS NOT NULL));
        RETURN NULL;
      END $$`);
    for (const [table, subjectType] of AUDITED_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_audit_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('${subjectType}')`);
      await q.query(`CREATE TRIGGER ${table}_audit_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('${subjectType}')`);
    }

    await q.query(`
      CREATE FUNCTION audit_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse_edit()`,
    );
    await q.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_edit()`,
    );

    // The first broken link of every chain: recomputes each hash from its content and its predecessor.
    await q.query(`
      CREATE FUNCTION audit_verify() RETURNS TABLE (chain text, events bigint, first_broken_seq bigint, first_broken_id bigint)
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        c text;
        e audit_events;
        prev text;
        expected_seq bigint;
      BEGIN
        FOR c IN SELECT DISTINCT a.chain FROM audit_events a ORDER BY 1 LOOP
          chain := c; events := 0; first_broken_seq := NULL; first_broken_id := NULL;
          prev := repeat('0', 64); expected_seq := 1;
          FOR e IN SELECT * FROM audit_events a WHERE a.chain = c ORDER BY a.seq LOOP
            events := events + 1;
            IF first_broken_seq IS NULL AND (e.seq <> expected_seq OR e.prev_hash <> prev
                OR e.hash <> encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex')) THEN
              first_broken_seq := e.seq; first_broken_id := e.id;
            END IF;
            prev := e.hash; expected_seq := e.seq + 1;
          END LOOP;
          RETURN NEXT;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of AUDITED_TABLES) {
      await q.query(`DROP TRIGGER ${table}_audit_insert ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_audit_update ON ${table}`);
    }
    await q.query(`DROP FUNCTION audit_verify()`);
    await q.query(`DROP FUNCTION audit_rows_updated()`);
    await q.query(`DROP FUNCTION audit_rows_inserted()`);
    await q.query(`DROP FUNCTION audit_change_event(text, text, jsonb, jsonb)`);
    await q.query(`DROP FUNCTION audit_append(jsonb)`);
    await q.query(`DROP FUNCTION audit_content(audit_events)`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_refuse_edit()`);
    await q.query(`DROP TABLE audit_chain_heads`);
  }
}
