import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority, PANEL_ROLES, type PanelRole, ROLES, type Role } from '../authz/vocabulary';

@Entity('role_assignments')
export class RoleAssignmentRecord {
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
