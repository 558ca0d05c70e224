import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority, PANEL_ROLES, type PanelRole, ROLES, type Role } from '../authz/vocabulary';

@Entity('role_assignments')
export class RoleAssignmentRecord {
  static readonly modelName = 'RoleAssignment';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'staff_role' })
  role!: Role;

  /** null: partnership-wide. */
  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority', nullable: true })
  authority!: Authority | null;

  @Column({ name: 'panel_id', type: 'uuid', nullable: true })
  panelId!: string | null;

  @Column({ name: 'panel_role', type: 'enum', enum: PANEL_ROLES, enumName: 'panel_role', nullable: true })
  panelRole!: PanelRole | null;

  /** The first UK day the role holds. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** The last UK day the role holds; null: until ended. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  /** The access administrator who granted it (null: before access was managed through the API). */
  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy!: string | null;

  /** Acting cover: the assignment this one covers, whose role and scope it holds for its dates. */
  @Column({ name: 'delegated_from', type: 'uuid', nullable: true })
  delegatedFrom!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
