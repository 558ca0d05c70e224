import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUTHORITIES, type Authority } from '../authz/vocabulary';

export const ASSESSMENT_OUTCOMES = ['SUPPORT_PLAN', 'ASGSF_APPLICATION', 'NO_FURTHER_ACTION'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/** An adoption support assessment following a request (one a request). */
@Entity('support_assessments')
export class SupportAssessmentRecord {
  static readonly modelName = 'SupportAssessment';

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'support_request_id', type: 'uuid' })
  supportRequestId!: string;

  @Column({ type: 'enum', enum: AUTHORITIES, enumName: 'authority' })
  authority!: Authority;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  @Column({ type: 'enum', enum: ASSESSMENT_OUTCOMES, enumName: 'support_assessment_outcome' })
  outcome!: AssessmentOutcome;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
