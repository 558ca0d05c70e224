import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The request holds a place on the row's panel ('PANEL_MEMBER:<place>@<panel id>' in app.roles), in one of `places`. */
const SITS_ON_PANEL = (places: string) =>
  `coalesce(current_setting('app.roles', true), '') ~ ('(^|,)PANEL_MEMBER:(${places})@' || panel_id::text)`;

/**
 * A panel member's declaration of an interest in a case on their panel's agenda: from then on the case's papers
 * and its recommendation are closed to them (the facts leave the item out). A declaration stands: it is never
 * changed or removed. It copies the item's panel and child's authority, so that who reads it is a condition on its
 * own row, and its change event names the authority. Row-Level Security restates the policy: the declarer writes
 * and reads their own; the chair, vice chair and adviser of the panel read every declaration on its items.
 */
export class InterestDeclarations1795400003300 implements MigrationInterface {
  name = 'InterestDeclarations1795400003300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interest_declarations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_item_id uuid NOT NULL REFERENCES agenda_items (id),
        panel_id uuid NOT NULL REFERENCES panels (id),
        child_authority authority,
        staff_id uuid NOT NULL REFERENCES staff (id),
        reason text NOT NULL CONSTRAINT interest_declarations_reason_check CHECK (length(reason) BETWEEN 1 AND 4000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT interest_declarations_once_per_member UNIQUE (agenda_item_id, staff_id)
      )`);
    await q.query(`CREATE INDEX interest_declarations_staff_idx ON interest_declarations (staff_id)`);
    await q.query(`GRANT SELECT, INSERT ON interest_declarations TO apse_app`);
    await q.query(`ALTER TABLE interest_declarations ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE interest_declarations FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY declarer_and_officers_read ON interest_declarations FOR SELECT TO apse_app
        USING (staff_id = (SELECT app_staff_id()) OR ${SITS_ON_PANEL('CHAIR|VICE_CHAIR|ADVISER')})`);
    await q.query(`
      CREATE POLICY member_declares ON interest_declarations FOR INSERT TO apse_app
        WITH CHECK (staff_id = (SELECT app_staff_id()) AND ${SITS_ON_PANEL('[A-Z_]+')})`);
    await q.query(`
      CREATE TRIGGER interest_declarations_audit_change AFTER INSERT OR UPDATE OR DELETE ON interest_declarations
        FOR EACH ROW EXECUTE FUNCTION audit_row_changed('InterestDeclaration')`);
    await q.query(`
      CREATE TRIGGER interest_declarations_audit_truncate AFTER TRUNCATE ON interest_declarations
        FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('InterestDeclaration')`);
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ('InterestDeclaration', 'id', 'case'), ('InterestDeclaration', 'agenda_item_id', 'case'),
             ('InterestDeclaration', 'panel_id', 'case'), ('InterestDeclaration', 'child_authority', 'case'),
             ('InterestDeclaration', 'staff_id', 'case'), ('InterestDeclaration', 'reason', 'narrative'),
             ('InterestDeclaration', 'created_at', 'case')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_column_classes WHERE subject_type = 'InterestDeclaration'`);
    await q.query(`DROP TABLE interest_declarations`);
  }
}
