import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOnePassAppend } from './1795400001300-audit-append-in-one-pass';

const OLD_LINK_TEXT = `audit_link_text(chain text, seq bigint, at timestamptz, request_id text, staff_id uuid, roles text, action text,
  outcome text, subject_type text, subject_id uuid, subject_ids uuid[], fields text[], reason text, changes jsonb, prev_hash text)`;

/**
 * Every event says under which policy it was decided, which request the client says it made, and which
 * authorities it concerns:
 * - `policy_version`: the hash of the access matrix generated from the policy the API ran (`app.policy_version`);
 * - `client_request_id`: the client's own request id, checked by the API and kept apart from the server's
 *   `request_id`;
 * - `authorities`: the partner authorities whose children or staff the event is about (an authority's
 *   auditor reads those, and Row-Level Security restates it);
 * - authority-scoped auditors: an AUDITOR assignment may name one authority, whose information-governance
 *   officer reads only the events about it;
 * - `criteria`: for a read of the access log itself, what was asked (filter, page) and how much came back.
 *
 * Events written from now on are `link_version` 2: their hash covers these columns too. Events written
 * before are version 1 and hash exactly as they did, so every existing chain still verifies.
 * `audit_visible_changes` withholds, when an event is read, what a change event written before migration
 * 1795400002000 kept in the clear, by the same column classes.
 */
export class AccessLogContext1795400002100 implements MigrationInterface {
  name = 'AccessLogContext1795400002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_events
        ADD COLUMN link_version smallint NOT NULL DEFAULT 1,
        ADD COLUMN policy_version text,
        ADD COLUMN client_request_id text,
        ADD COLUMN authorities authority[],
        ADD COLUMN criteria jsonb`);

    await q.query(`
      CREATE FUNCTION audit_event_text(link_version smallint, chain text, seq bigint, at timestamptz, request_id text, staff_id uuid,
                                       roles text, action text, outcome text, subject_type text, subject_id uuid, subject_ids uuid[],
                                       fields text[], reason text, changes jsonb, policy_version text, client_request_id text,
                                       authorities authority[], criteria jsonb, prev_hash text)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN link_version = 1 THEN
          concat_ws('|', chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    coalesce(request_id, ''), coalesce(staff_id::text, ''), roles, action, outcome,
                    subject_type, coalesce(subject_id::text, subject_ids::text, ''), array_to_string(fields, ','),
                    coalesce(reason, ''), coalesce(changes::text, ''), prev_hash)
        ELSE
          concat_ws('|', 'v2', chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    coalesce(request_id, ''), coalesce(client_request_id, ''), coalesce(staff_id::text, ''), roles,
                    coalesce(policy_version, ''), action, outcome, subject_type, coalesce(subject_id::text, ''),
                    coalesce(subject_ids::text, ''), coalesce(authorities::text, ''), array_to_string(fields, ','),
                    coalesce(reason, ''), coalesce(changes::text, ''), coalesce(criteria::text, ''), prev_hash)
        END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_content(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT audit_event_text(e.link_version, e.chain, e.seq, e.at, e.request_id, e.staff_id, e.roles, e.action, e.outcome,
                                e.subject_type, e.subject_id, e.subject_ids, e.fields, e.reason, e.changes, e.policy_version,
                                e.client_request_id, e.authorities, e.criteria, e.prev_hash)
      $$`);

    // As before (migration 1795400001300): the content of every event is computed in one statement and the
    // loop only links the hashes. A refusal's authorities, unknown to the refused actor, are looked up here.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_append(events jsonb) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public AS $$
      DECLARE
        lane text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || (txid_current() % 8)::text;
        head audit_chain_heads;
        at timestamptz(3) := date_trunc('milliseconds', clock_timestamp());
        request_id text := nullif(current_setting('app.request_id', true), '');
        client_request_id text := nullif(current_setting('app.client_request_id', true), '');
        policy_version text := nullif(current_setting('app.policy_version', true), '');
        staff_id uuid := nullif(current_setting('app.staff_id', true), '')::uuid;
        roles text := coalesce(nullif(current_setting('app.roles', true), ''), 'system');
        batch audit_events[];
        e audit_events;
        prev_hashes text[] := '{}';
        hashes text[] := '{}';
        last_hash text;
      BEGIN
        IF events IS NULL OR jsonb_array_length(events) = 0 THEN RETURN 0; END IF;
        INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (lane, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads h WHERE h.chain = lane FOR UPDATE;
        SELECT array_agg(ROW(NULL, lane, head.seq + x.n, at, request_id, staff_id, roles, x.action, coalesce(x.outcome, 'ALLOWED'),
                             x."subjectType", x."subjectId", coalesce(x.fields, '{}'), x.reason, x.changes, '', '', x."subjectIds",
                             2, policy_version, client_request_id,
                             coalesce(x.authorities, CASE WHEN x.outcome = 'REFUSED' AND x."subjectId" IS NOT NULL
                                                          THEN audit_subject_authorities(x."subjectType", x."subjectId") END),
                             x.criteria)::audit_events ORDER BY x.n)
          INTO batch
          FROM ROWS FROM (jsonb_to_recordset(events) AS (action text, outcome text, "subjectType" text, "subjectId" uuid,
                          "subjectIds" uuid[], fields text[], reason text, changes jsonb, authorities authority[], criteria jsonb))
               WITH ORDINALITY AS x(action, outcome, "subjectType", "subjectId", "subjectIds", fields, reason, changes, authorities, criteria, n);
        -- In order, never by index: finding the i-th of an array of rows reads every row before it.
        last_hash := head.hash;
        FOREACH e IN ARRAY batch LOOP
          prev_hashes := prev_hashes || last_hash;
          last_hash := encode(sha256(convert_to(audit_content(e) || last_hash, 'UTF8')), 'hex');
          hashes := hashes || last_hash;
        END LOOP;
        INSERT INTO audit_events (chain, seq, at, request_id, staff_id, roles, action, outcome, subject_type, subject_id, subject_ids,
                                  fields, reason, changes, link_version, policy_version, client_request_id, authorities, criteria,
                                  prev_hash, hash)
        SELECT b.chain, b.seq, b.at, b.request_id, b.staff_id, b.roles, b.action, b.outcome, b.subject_type, b.subject_id, b.subject_ids,
               b.fields, b.reason, b.changes, b.link_version, b.policy_version, b.client_request_id, b.authorities, b.criteria,
               h.prev_hash, h.hash
          FROM unnest(batch) WITH ORDINALITY AS b
          JOIN unnest(prev_hashes, hashes) WITH ORDINALITY AS h(prev_hash, hash, n) ON h.n = b.ordinality;
        UPDATE audit_chain_heads SET seq = head.seq + cardinality(batch), hash = last_hash WHERE chain = lane;
        RETURN cardinality(batch);
      END $$`);
    await q.query(`DROP FUNCTION ${OLD_LINK_TEXT}`);

    await q.query(`
      CREATE FUNCTION audit_visible_changes(subject_type text, changes jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT jsonb_object_agg(e.k, CASE WHEN e.v ? 'withheld' OR c.class = 'case' THEN e.v
                                          ELSE jsonb_build_object('withheld', coalesce(c.class, 'unclassified')) END)
          FROM jsonb_each(changes) AS e(k, v)
          LEFT JOIN audit_column_classes c ON c.subject_type = audit_visible_changes.subject_type AND c.column_name = e.k
      $$`);

    // An authority's auditor (AUDITOR:KENT in app.roles) reads the events about that authority; the
    // partnership's auditor (AUDITOR:PARTNERSHIP) reads every event.
    await q.query(`
      CREATE FUNCTION app_audited_authorities() RETURNS authority[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(m[1]::authority), '{}')
          FROM regexp_matches(coalesce(current_setting('app.roles', true), ''), '(?:^|,)AUDITOR:(BEXLEY|KENT|MEDWAY)(?=,|$)', 'g') AS m
      $$`);
    await q.query(`
      CREATE FUNCTION app_audits_partnership() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.roles', true), '') ~ '(^|,)AUDITOR:PARTNERSHIP(,|$)'
      $$`);
    await q.query(`
      ALTER TABLE role_assignments DROP CONSTRAINT partnership_roles_have_no_authority,
        ADD CONSTRAINT partnership_roles_have_no_authority
          CHECK (role NOT IN ('FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER') OR authority IS NULL)`);
    await q.query(`DROP POLICY auditors_read ON audit_events`);
    await q.query(`
      CREATE POLICY auditors_read ON audit_events FOR SELECT TO apse_app
        USING ((SELECT app_audits_partnership()) OR authorities && (SELECT app_audited_authorities()))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY auditors_read ON audit_events`);
    await q.query(`CREATE POLICY auditors_read ON audit_events FOR SELECT TO apse_app USING ((SELECT app_has_role('AUDITOR')))`);
    // An authority's auditor has no place in the older schema.
    await q.query(`DELETE FROM role_assignments WHERE role = 'AUDITOR' AND authority IS NOT NULL`);
    await q.query(`
      ALTER TABLE role_assignments DROP CONSTRAINT partnership_roles_have_no_authority,
        ADD CONSTRAINT partnership_roles_have_no_authority
          CHECK (role NOT IN ('FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER', 'AUDITOR') OR authority IS NULL)`);
    await q.query(`DROP FUNCTION app_audits_partnership()`);
    await q.query(`DROP FUNCTION app_audited_authorities()`);
    await q.query(`DROP FUNCTION audit_visible_changes(text, jsonb)`);
    // Events of link version 2 written meanwhile no longer verify once their columns are gone.
    await createOnePassAppend(q, { subjectIds: true });
    await q.query(`DROP FUNCTION audit_event_text(smallint, text, bigint, timestamptz, text, uuid, text, text, text, text, uuid, uuid[], text[], text, jsonb, text, text, authority[], jsonb, text)`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN link_version, DROP COLUMN policy_version, DROP COLUMN client_request_id,
                   DROP COLUMN authorities, DROP COLUMN criteria`);
  }
}
