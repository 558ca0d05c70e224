import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

export const SUPPORT_OUTCOMES = ['RESOLVED', 'SIGNPOSTED', 'ASSESSMENT'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

/** A call for adoption support, tenant-owned by the authority the family lives in. */
@Entity('support_requests')
export class SupportRequestRecord {
  static readonly modelName = 'SupportRequest';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ name: 'advice_line_call_on', type: 'date', nullable: true })
  adviceLineCallOn!: string | null;

  @Column({ type: 'enum', enum: SUPPORT_OUTCOMES, enumName: 'support_outcome', nullable: true })
  outcome!: SupportOutcome | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
