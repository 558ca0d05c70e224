import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

/**
 * A member of staff barred from breaking glass by the review that found an emergency access of theirs not justified,
 * until it is lifted. It carries the child's authority, so that who lifts it is a condition on its own row.
 */
@Entity('emergency_access_bars')
export class EmergencyAccessBarRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ name: 'barred_by_review', type: 'uuid' })
  barredByReview!: string;

  @Column({ name: 'barred_at', type: 'timestamptz', precision: 3 })
  barredAt!: Date;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy!: string | null;

  @Column({ name: 'lifted_reason', type: 'text', nullable: true })
  liftedReason!: string | null;

  @Column({ name: 'lifted_at', type: 'timestamptz', precision: 3, nullable: true })
  liftedAt!: Date | null;
}
