import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

/** A placement that ended before an adoption order, and the disruption meeting held for it. */
@Entity('disruptions')
export class DisruptionRecord {
  static readonly modelName = 'Disruption';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId!: string;

  @Column({ name: 'disrupted_on', type: 'date' })
  disruptedOn!: string;

  @Column({ name: 'meeting_on', type: 'date' })
  meetingOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
