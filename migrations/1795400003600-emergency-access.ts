import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The request holds the ADM role for the row's authority ('ADM:KENT' in app.roles, acting cover included). */
const ADM_OF = (authority: string) => `coalesce(current_setting('app.roles', true), '') ~ ('(^|,)ADM:' || ${authority}::text || '(/|,|$)')`;
/** The request is the partnership's auditor, or the auditor of the row's authority. */
const AUDITOR_OF = (authority: string) =>
  `((SELECT app_audits_partnership()) OR ${authority} = ANY ((SELECT app_audited_authorities())::authority[]))`;
/** The request's member of staff holds a live emergency access to the child, as of the request's instant. */
const LIVE_GRANT = (childId: string) =>
  `EXISTS (SELECT 1 FROM emergency_accesses g WHERE g.child_id = ${childId} AND g.staff_id = (SELECT app_staff_id())
             AND g.expires_at > (SELECT app_now()))`;
/** What a live emergency access reaches of a restricted record: never one restricted as STAFF_CONNECTED, nor the seal. */
const REACHABLE = `('HIGH_PROFILE', 'HIGH_RISK')`;
const WHOLE_RECORD = `('HIGH_PROFILE', 'STAFF_CONNECTED', 'HIGH_RISK')`;
const NAMED_ON = (childId: string) =>
  `EXISTS (SELECT 1 FROM child_restrictions r WHERE r.child_id = ${childId} AND (SELECT app_staff_id()) = ANY (r.allowed_staff_ids))`;
const CHILD_RECORD_TABLES = ['child_decisions', 'placement_orders', 'disruptions'];
const ALLOCATIONS = 'family_finder_allocations';
const LINK_TABLES = ['matches', 'placements'];

/** The restrictive policies of migration 1795400003500 on a child's records, with an exception for a live grant or not. */
function restrictedOnRecords(table: string, admitGrant: boolean): string {
  const hidden = LINK_TABLES.includes(table) ? `c.restriction_category IS NOT NULL` : `c.restriction_category IN ${WHOLE_RECORD}`;
  const grant = admitGrant ? ` AND NOT (c.restriction_category IN ${REACHABLE} AND ${LIVE_GRANT('c.id')})` : '';
  return `
    CREATE POLICY restricted_records ON ${table} AS RESTRICTIVE FOR SELECT TO apse_app
      USING (NOT EXISTS (SELECT 1 FROM children c WHERE c.id = ${table}.child_id AND ${hidden}
                            AND NOT ${ADM_OF('c.authority')} AND NOT ${NAMED_ON('c.id')}${grant}))`;
}

function restrictedOnChildren(admitGrant: boolean): string {
  const grant = admitGrant ? ` OR (restriction_category IN ${REACHABLE} AND ${LIVE_GRANT('children.id')})` : '';
  return `
    CREATE POLICY restricted_records ON children AS RESTRICTIVE FOR SELECT TO apse_app
      USING (restriction_category IS NULL OR restriction_category = 'ADOPTION' OR ${ADM_OF('authority')} OR ${NAMED_ON('children.id')}${grant})`;
}

const ACCESS_COLUMNS = ['id', 'child_id', 'authority', 'staff_id', 'granted_at', 'expires_at', 'outcome', 'reviewed_by', 'reviewed_at'];
const BAR_COLUMNS = ['id', 'staff_id', 'authority', 'barred_by_review', 'barred_at', 'lifted_by', 'lifted_at'];

/**
 * Break-glass. A member of staff with a case role reads, for a few hours and for a reason, one child out of their
 * reach; every such access is reviewed by the child's ADM or an auditor, once, and one found not justified bars its
 * member of staff from breaking glass again until the bar is lifted. The request's instant (`app.now`, set with the
 * day) decides whether a grant is live, so that expiry follows the request's clock. Row-Level Security restates the
 * policy: the grant admits its holder to the child and what hangs off it, whatever their tenant, and to a restricted
 * record but one restricted as STAFF_CONNECTED; a sealed record's adoptive link stays sealed.
 */
export class EmergencyAccess1795400003600 implements MigrationInterface {
  name = 'EmergencyAccess1795400003600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_now() RETURNS timestamptz
      LANGUAGE sql STABLE AS $$
           SELECT coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now())
         $$`);
    await q.query(`CREATE TYPE emergency_access_outcome AS ENUM ('JUSTIFIED', 'NOT_JUSTIFIED')`);
    await q.query(`
      CREATE TABLE emergency_accesses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES children (id),
        authority authority NOT NULL,
        staff_id uuid NOT NULL REFERENCES staff (id),
        reason text NOT NULL CONSTRAINT emergency_accesses_reason_check CHECK (length(reason) BETWEEN 1 AND 4000),
        granted_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        outcome emergency_access_outcome,
        note text CONSTRAINT emergency_accesses_note_check CHECK (length(note) BETWEEN 1 AND 4000),
        reviewed_by uuid REFERENCES staff (id),
        reviewed_at timestamptz(3),
        CONSTRAINT emergency_accesses_period_check CHECK (expires_at > granted_at AND expires_at <= granted_at + interval '24 hours'),
        CONSTRAINT emergency_accesses_review_check CHECK ((outcome IS NULL) = (reviewed_by IS NULL) AND (outcome IS NULL) = (reviewed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX emergency_accesses_staff_idx ON emergency_accesses (staff_id, expires_at)`);
    await q.query(`CREATE INDEX emergency_accesses_child_idx ON emergency_accesses (child_id)`);
    await q.query(`CREATE INDEX emergency_accesses_review_idx ON emergency_accesses (authority, granted_at)`);
    await q.query(`
      CREATE TABLE emergency_access_bars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff (id),
        authority authority NOT NULL,
        barred_by_review uuid NOT NULL CONSTRAINT emergency_access_bars_one_per_review UNIQUE REFERENCES emergency_accesses (id),
        barred_at timestamptz(3) NOT NULL,
        lifted_by uuid REFERENCES staff (id),
        lifted_reason text CONSTRAINT emergency_access_bars_reason_check CHECK (length(lifted_reason) BETWEEN 1 AND 4000),
        lifted_at timestamptz(3),
        CONSTRAINT emergency_access_bars_lifted_check CHECK ((lifted_by IS NULL) = (lifted_at IS NULL) AND (lifted_by IS NULL) = (lifted_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX emergency_access_bars_staff_idx ON emergency_access_bars (staff_id) WHERE lifted_at IS NULL`);
    // Whether the child exists, of which authority and restriction: read as apse_reporting, since the requester
    // cannot read the child yet; only for a request of a member of staff with a case role.
    await q.query(`
      CREATE FUNCTION emergency_access_child(child uuid) RETURNS TABLE (authority authority, restriction_category restriction_category)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT c.authority, c.restriction_category FROM children c
            WHERE c.id = child AND (app_has_role('ADM') OR app_has_role('PPM_LEAD') OR app_has_role('FAMILY_FINDER'))
         $$`);
    await q.query(`ALTER FUNCTION emergency_access_child(uuid) OWNER TO apse_reporting`);
    await q.query(`REVOKE EXECUTE ON FUNCTION emergency_access_child(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION emergency_access_child(uuid) TO apse_app`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON emergency_accesses, emergency_access_bars TO apse_app`);
    for (const table of ['emergency_accesses', 'emergency_access_bars']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY holder_and_reviewers_read ON ${table} FOR SELECT TO apse_app
          USING (staff_id = (SELECT app_staff_id()) OR ${ADM_OF('authority')} OR ${AUDITOR_OF('authority')})`);
      await q.query(`
        CREATE POLICY reviewers_review ON ${table} FOR UPDATE TO apse_app
          USING (${ADM_OF('authority')} OR ${AUDITOR_OF('authority')}) WITH CHECK (${ADM_OF('authority')} OR ${AUDITOR_OF('authority')})`);
    }
    await q.query(`
      CREATE POLICY holder_breaks_glass ON emergency_accesses FOR INSERT TO apse_app
        WITH CHECK (staff_id = (SELECT app_staff_id()) AND outcome IS NULL
                    AND EXISTS (SELECT 1 FROM emergency_access_child(child_id) c
                                 WHERE c.authority = emergency_accesses.authority
                                   AND c.restriction_category IS DISTINCT FROM 'STAFF_CONNECTED'))`);
    await q.query(`
      CREATE POLICY reviewers_bar ON emergency_access_bars FOR INSERT TO apse_app
        WITH CHECK (${ADM_OF('authority')} OR ${AUDITOR_OF('authority')})`);

    // The grant admits its holder whatever their tenant: a policy beside the tenant's (either admits a row).
    for (const table of ['children', ...CHILD_RECORD_TABLES, ALLOCATIONS, ...LINK_TABLES]) {
      const id = table === 'children' ? 'children.id' : `${table}.child_id`;
      await q.query(`CREATE POLICY emergency_access ON ${table} FOR SELECT TO apse_app USING (${LIVE_GRANT(id)})`);
    }
    await q.query(`DROP POLICY restricted_records ON children`);
    await q.query(restrictedOnChildren(true));
    for (const table of [...CHILD_RECORD_TABLES, ...LINK_TABLES]) {
      await q.query(`DROP POLICY restricted_records ON ${table}`);
      await q.query(restrictedOnRecords(table, true));
    }

    for (const [table, subjectType] of [
      ['emergency_accesses', 'EmergencyAccess'],
      ['emergency_access_bars', 'EmergencyAccessBar'],
    ]) {
      await q.query(`
        CREATE TRIGGER ${table}_audit_change AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION audit_row_changed('${subjectType}')`);
      await q.query(`
        CREATE TRIGGER ${table}_audit_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('${subjectType}')`);
    }
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ${ACCESS_COLUMNS.map((c) => `('EmergencyAccess', '${c}', 'case')`).join(', ')},
             ('EmergencyAccess', 'reason', 'narrative'), ('EmergencyAccess', 'note', 'narrative'),
             ${BAR_COLUMNS.map((c) => `('EmergencyAccessBar', '${c}', 'case')`).join(', ')},
             ('EmergencyAccessBar', 'lifted_reason', 'narrative')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_column_classes WHERE subject_type IN ('EmergencyAccess', 'EmergencyAccessBar')`);
    await q.query(`DROP POLICY restricted_records ON children`);
    await q.query(restrictedOnChildren(false));
    for (const table of [...CHILD_RECORD_TABLES, ...LINK_TABLES]) {
      await q.query(`DROP POLICY restricted_records ON ${table}`);
      await q.query(restrictedOnRecords(table, false));
    }
    for (const table of ['children', ...CHILD_RECORD_TABLES, ALLOCATIONS, ...LINK_TABLES]) {
      await q.query(`DROP POLICY emergency_access ON ${table}`);
    }
    await q.query(`DROP TABLE emergency_access_bars`);
    await q.query(`DROP TABLE emergency_accesses`);
    await q.query(`DROP FUNCTION emergency_access_child(uuid)`);
    await q.query(`DROP TYPE emergency_access_outcome`);
    await q.query(`DROP FUNCTION app_now()`);
  }
}
