import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('staff')
export class StaffRecord {
  static readonly modelName = 'StaffMember';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** Where they are written to; unique. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Deactivated staff cannot authenticate; nothing is deleted. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'deactivated_on', type: 'date', nullable: true })
  deactivatedOn!: string | null;

  @Column({ name: 'deactivation_reason', type: 'text', nullable: true })
  deactivationReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
