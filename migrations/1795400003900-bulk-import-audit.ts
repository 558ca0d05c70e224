import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table the access log watches (each has a truncate trigger), with the subject type its events name. */
const AUDITED_TABLES = `
  SELECT t.tgrelid::regclass::text AS "table", (regexp_match(pg_get_triggerdef(t.oid), '\\(''(\\w+)''\\)'))[1] AS "subjectType"
    FROM pg_trigger t WHERE t.tgname LIKE '%\\_audit\\_truncate' ORDER BY 1`;

/** The columns a change event leaves out (audit_change_event): bookkeeping, not the record. */
const BOOKKEEPING = `('version', 'updated_at', 'created_at')`;

/**
 * A bulk import — the demo data, a migration of records from a council's former system — is logged as one `import`
 * event per statement and authority, naming the import (`reason`), the records (`subjectIds`), the columns written
 * and the authority, instead of a `create` event per row with a digest of every value: 27,000 rows of demo data cost
 * 4 seconds of digests and hashes on the embedded database, most of a first start.
 *
 * Only the table's owner may import (the setting `app.import` names it): the owner could switch the triggers off
 * altogether, so the import gives away nothing. A request runs as apse_app, which owns nothing: its writes are
 * logged row by row whatever it sets.
 */
export class BulkImportAudit1795400003900 implements MigrationInterface {
  name = 'BulkImportAudit1795400003900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_import_name(relid oid) RETURNS text
      LANGUAGE sql STABLE SET search_path = public AS $$
           SELECT nullif(current_setting('app.import', true), '')
            WHERE pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = relid), 'USAGE')
         $$`);
    await q.query(`
      CREATE FUNCTION audit_rows_imported() RETURNS trigger
      LANGUAGE plpgsql AS $$
        DECLARE
          import text := audit_import_name(TG_RELID);
          columns jsonb;
        BEGIN
          IF import IS NULL THEN RETURN NULL; END IF;
          SELECT jsonb_agg(attname ORDER BY attname) INTO columns FROM pg_attribute
           WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped AND attname NOT IN ${BOOKKEEPING};
          -- One event per authority, as a read's: a council's auditor sees the records of that council only.
          PERFORM audit_append((
            SELECT jsonb_agg(jsonb_build_object(
                     'action', 'import', 'subjectType', TG_ARGV[0], 'reason', import, 'subjectIds', g.ids, 'fields', columns,
                     'authorities', (SELECT coalesce(jsonb_agg(DISTINCT a ORDER BY a), '[]') FROM unnest(ARRAY[g.authority, g.child_authority]) AS a
                                      WHERE a IS NOT NULL))
                   ORDER BY g.authority NULLS FIRST, g.child_authority NULLS FIRST)
              FROM (SELECT r->>'authority' AS authority, r->>'child_authority' AS child_authority,
                           jsonb_agg(r->'id') FILTER (WHERE r ? 'id') AS ids
                      FROM new_rows n, to_jsonb(n) AS r GROUP BY 1, 2) AS g));
          RETURN NULL;
        END $$`);
    const audited: { table: string; subjectType: string }[] = await q.query(AUDITED_TABLES);
    for (const { table, subjectType } of audited) {
      await q.query(`
        CREATE TRIGGER ${table}_audit_import AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('${subjectType}')`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_rows_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
        BEGIN
          IF audit_import_name(TG_RELID) IS NOT NULL THEN RETURN NULL; END IF;
          PERFORM audit_append((SELECT jsonb_agg(audit_change_event('create', TG_ARGV[0], '{}'::jsonb, to_jsonb(n))) FROM new_rows n));
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_row_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
        DECLARE
          ev jsonb;
        BEGIN
          IF TG_OP = 'INSERT' AND audit_import_name(TG_RELID) IS NOT NULL THEN RETURN NULL; END IF;
          ev := audit_change_event(CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE lower(TG_OP) END, TG_ARGV[0],
                                   CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END,
                                   CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END);
          IF ev IS NOT NULL THEN PERFORM audit_append(jsonb_build_array(ev)); END IF;
          RETURN NULL;
        END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_row_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
        DECLARE
          ev jsonb := audit_change_event(CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE lower(TG_OP) END, TG_ARGV[0],
                                         CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END,
                                         CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END);
        BEGIN
          IF ev IS NOT NULL THEN PERFORM audit_append(jsonb_build_array(ev)); END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_rows_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM audit_append((SELECT jsonb_agg(audit_change_event('create', TG_ARGV[0], '{}'::jsonb, to_jsonb(n))) FROM new_rows n));
          RETURN NULL;
        END $$`);
    for (const { table } of await q.query(AUDITED_TABLES)) await q.query(`DROP TRIGGER ${table}_audit_import ON ${table}`);
    await q.query(`DROP FUNCTION audit_rows_imported(), audit_import_name(oid)`);
  }
}
