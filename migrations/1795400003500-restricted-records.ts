import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The request holds the ADM role for the row's authority ('ADM:KENT' in app.roles, acting cover included). */
const ADM_OF = (authority: string) => `coalesce(current_setting('app.roles', true), '') ~ ('(^|,)ADM:' || ${authority}::text || '(/|,|$)')`;
/** The request's member of staff is named on the child's restriction. */
const NAMED_ON = (childId: string) =>
  `EXISTS (SELECT 1 FROM child_restrictions r WHERE r.child_id = ${childId} AND (SELECT app_staff_id()) = ANY (r.allowed_staff_ids))`;
const WHOLE_RECORD = `('HIGH_PROFILE', 'STAFF_CONNECTED', 'HIGH_RISK')`;
/**
 * The records that hang off a child; matches and placements are also the link with the adoptive household. An
 * allocation (who finds a family for the child, from when) names nothing of the child, and the facts read the actor's
 * own in every request: the policy leaves out a restricted child's, and Row-Level Security does not make every
 * request wait on the children table for them.
 */
const CHILD_RECORD_TABLES = ['child_decisions', 'placement_orders', 'disruptions'];
const ALLOCATIONS = 'family_finder_allocations';
const LINK_TABLES = ['matches', 'placements'];
const RESTRICTION_COLUMNS = ['id', 'child_id', 'authority', 'category', 'allowed_staff_ids', 'review_by', 'restricted_by', 'version'];

/**
 * Restricted records. A child's record is restricted to its authority's ADM and the staff they name: the whole record
 * (HIGH_PROFILE, STAFF_CONNECTED, HIGH_RISK); or, sealed at the adoption order (ADOPTION), its identifying and
 * birth-family fields and its link with the adoptive household (matches, placements). The child's own column
 * (`restriction_category`) carries the category, so the policy's conditions are on its own columns; an adopted child
 * is always sealed or restricted (a check). The ADM's restriction is a row of its own: whom it names, why, and the day
 * it is to be reviewed by. Row-Level Security restates it for every request, and lets the named staff reach the child
 * whatever their tenant; the board reads as apse_reporting and still counts the child.
 */
export class RestrictedRecords1795400003500 implements MigrationInterface {
  name = 'RestrictedRecords1795400003500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE restriction_category AS ENUM ('HIGH_PROFILE', 'STAFF_CONNECTED', 'ADOPTION', 'HIGH_RISK')`);
    await q.query(`ALTER TABLE children ADD COLUMN restriction_category restriction_category`);
    await q.query(`UPDATE children SET restriction_category = 'ADOPTION' WHERE adoption_order_granted_on IS NOT NULL`);
    await q.query(`
      ALTER TABLE children ADD CONSTRAINT adopted_children_are_sealed
        CHECK (adoption_order_granted_on IS NULL OR restriction_category IS NOT NULL)`);
    await q.query(
      `CREATE INDEX children_restricted_idx ON children (authority, restriction_category) WHERE restriction_category IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE child_restrictions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL CONSTRAINT child_restrictions_one_per_child UNIQUE REFERENCES children (id),
        authority authority NOT NULL,
        category restriction_category NOT NULL,
        allowed_staff_ids uuid[] NOT NULL DEFAULT '{}' CONSTRAINT child_restrictions_allowed_check CHECK (cardinality(allowed_staff_ids) <= 50),
        reason text NOT NULL CONSTRAINT child_restrictions_reason_check CHECK (length(reason) BETWEEN 1 AND 4000),
        review_by date NOT NULL,
        restricted_by uuid NOT NULL REFERENCES staff (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX child_restrictions_allowed_idx ON child_restrictions USING gin (allowed_staff_ids)`);
    await q.query(`CREATE INDEX child_restrictions_review_idx ON child_restrictions (authority, review_by)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON child_restrictions TO apse_app`);
    await q.query(`ALTER TABLE child_restrictions ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE child_restrictions FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY adm_or_named ON child_restrictions TO apse_app
        USING (${ADM_OF('authority')} OR (SELECT app_staff_id()) = ANY (allowed_staff_ids))
        WITH CHECK (${ADM_OF('authority')})`);
    await q.query(`
      CREATE POLICY restricted_records ON children AS RESTRICTIVE FOR SELECT TO apse_app
        USING (restriction_category IS NULL OR restriction_category = 'ADOPTION' OR ${ADM_OF('authority')} OR ${NAMED_ON('children.id')})`);
    // The named staff reach the child whatever their tenant: a policy beside the tenant's (either admits a row).
    await q.query(`CREATE POLICY named_on_restriction ON children FOR SELECT TO apse_app USING (${NAMED_ON('children.id')})`);
    for (const table of [...CHILD_RECORD_TABLES, ALLOCATIONS, ...LINK_TABLES]) {
      await q.query(`CREATE POLICY named_on_restriction ON ${table} FOR SELECT TO apse_app USING (${NAMED_ON(`${table}.child_id`)})`);
    }
    for (const table of [...CHILD_RECORD_TABLES, ...LINK_TABLES]) {
      const hidden = LINK_TABLES.includes(table) ? `c.restriction_category IS NOT NULL` : `c.restriction_category IN ${WHOLE_RECORD}`;
      await q.query(`
        CREATE POLICY restricted_records ON ${table} AS RESTRICTIVE FOR SELECT TO apse_app
          USING (NOT EXISTS (SELECT 1 FROM children c WHERE c.id = ${table}.child_id AND ${hidden}
                                AND NOT ${ADM_OF('c.authority')} AND NOT ${NAMED_ON('c.id')}))`);
    }
    await q.query(`
      CREATE TRIGGER child_restrictions_audit_change AFTER INSERT OR UPDATE OR DELETE ON child_restrictions
        FOR EACH ROW EXECUTE FUNCTION audit_row_changed('ChildRestriction')`);
    await q.query(`
      CREATE TRIGGER child_restrictions_audit_truncate AFTER TRUNCATE ON child_restrictions
        FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('ChildRestriction')`);
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ('Child', 'restriction_category', 'case'),
             ${RESTRICTION_COLUMNS.map((c) => `('ChildRestriction', '${c}', 'case')`).join(', ')},
             ('ChildRestriction', 'created_at', 'case'), ('ChildRestriction', 'updated_at', 'case'),
             ('ChildRestriction', 'reason', 'narrative')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM audit_column_classes WHERE subject_type = 'ChildRestriction' OR (subject_type = 'Child' AND column_name = 'restriction_category')`,
    );
    for (const table of ['children', ...CHILD_RECORD_TABLES, ...LINK_TABLES]) await q.query(`DROP POLICY restricted_records ON ${table}`);
    for (const table of ['children', ...CHILD_RECORD_TABLES, ALLOCATIONS, ...LINK_TABLES]) {
      await q.query(`DROP POLICY named_on_restriction ON ${table}`);
    }
    await q.query(`DROP TABLE child_restrictions`);
    await q.query(`ALTER TABLE children DROP CONSTRAINT adopted_children_are_sealed, DROP COLUMN restriction_category`);
    await q.query(`DROP TYPE restriction_category`);
  }
}
