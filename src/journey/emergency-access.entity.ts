import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority, type RestrictionCategory } from '../authz/vocabulary';

export const EMERGENCY_ACCESS_OUTCOMES = ['JUSTIFIED', 'NOT_JUSTIFIED'] as const;
export type EmergencyAccessOutcome = (typeof EMERGENCY_ACCESS_OUTCOMES)[number];

/** Break-glass: a member of staff's read of one child out of their reach, for a reason, until it expires; then its review. */
@Entity('emergency_accesses')
export class EmergencyAccessRecord {
  static readonly modelName = 'EmergencyAccess';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'granted_at', type: 'timestamptz', precision: 3 })
  grantedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'enum', enum: EMERGENCY_ACCESS_OUTCOMES, enumName: 'emergency_access_outcome', nullable: true })
  outcome!: EmergencyAccessOutcome | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', precision: 3, nullable: true })
  reviewedAt!: Date | null;

  /** Not stored: the child's restriction when glass is broken, which the policy decides on. */
  childRestrictionCategory?: RestrictionCategory | null;
}
