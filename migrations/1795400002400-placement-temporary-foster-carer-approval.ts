import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fostering for adoption while adoption is only being considered (docs/domain.md, "Statutory grounds"): the
 * placement records the day its carers were temporarily approved as the child's foster carers, which comes
 * no later than the placement. A date of the case: the access log keeps its values.
 */
export class PlacementTemporaryFosterCarerApproval1795400002400 implements MigrationInterface {
  name = 'PlacementTemporaryFosterCarerApproval1795400002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE placements ADD COLUMN temporary_foster_carer_approval_on date,
        ADD CONSTRAINT placements_temporary_approval_before_placement CHECK (temporary_foster_carer_approval_on <= placed_on)`);
    await q.query(`
      INSERT INTO audit_column_classes (subject_type, column_name, class)
      VALUES ('Placement', 'temporary_foster_carer_approval_on', 'case')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_column_classes WHERE subject_type = 'Placement' AND column_name = 'temporary_foster_carer_approval_on'`);
    await q.query(`ALTER TABLE placements DROP COLUMN temporary_foster_carer_approval_on`);
  }
}
